"""Sentiment, keywords, topics, aggregates and time series: frames in, frames out."""
