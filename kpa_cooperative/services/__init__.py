"""Rules of the KPA that need no database: plain functions, fast tests."""
