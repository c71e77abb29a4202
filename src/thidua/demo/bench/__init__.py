"""The benchmark's data at district, province or national scale (``thidua bench_data``);
``bench/run`` measures the pages against it."""
