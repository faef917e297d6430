"""CAPE rules that need no database: plain functions, fast tests."""
