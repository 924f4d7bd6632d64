"""Tests of the Konnekta simulator."""
