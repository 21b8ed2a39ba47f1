"""Shared text tools: sentence embeddings and near-duplicate sentence matching.

``embeddings`` owns the one wordllama model of the process; ``overlap`` finds
the sentences that several articles carry word for word or nearly so;
``english`` holds the function words and the quote-balance test. Each is used
by more than one stage, so they live here once.
"""
