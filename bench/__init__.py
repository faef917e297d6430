"""Benchmarks: SQL query counts and server times at two data sizes."""
