"""Shared text tools: sentence embeddings and near-duplicate sentence matching.

``embeddings`` owns the one wordllama model of the process; ``overlap`` finds
the sentences that several articles carry word for word or nearly so. Both are
used by the summarizer and by the analysis stage, so they live here once.
"""
