"""Segment: cut each article body into sentences (English bodies only: ``language``)."""

from storybrief.segment.sentences import segment, split_sentences

__all__ = ["segment", "split_sentences"]
