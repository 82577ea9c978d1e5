"""Benchmark workloads, by name. Importing this package registers them all."""

from bench.workloads import language, schema, validate
from bench.workloads.registry import WORKLOADS, Workload, register

__all__ = ["WORKLOADS", "Workload", "language", "register", "schema", "validate"]
