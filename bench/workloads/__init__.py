"""Benchmark workloads, by name. Importing this package registers them all."""

from bench.workloads import execute, language, schema, validate
from bench.workloads.registry import WORKLOADS, Workload, register

__all__ = ["WORKLOADS", "Workload", "execute", "language", "register", "schema", "validate"]
