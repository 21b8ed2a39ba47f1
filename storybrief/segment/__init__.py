"""Segment: cut each article body into sentences."""

from storybrief.segment.sentences import segment, split_sentences

__all__ = ["segment", "split_sentences"]
