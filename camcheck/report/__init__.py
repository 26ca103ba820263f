"""Formatters: turn Reports into text, JSON or pictures. They never judge anything."""
