"""Helpers only the tests and the benchmark use: a real nginx to serve a build, and a copy of the
project to build in a temp folder. Never imported by the site or by publishing.
"""
