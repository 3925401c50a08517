"""What a run's findings become: reporters (text, JSON, SARIF, CI annotations), baselines and
fingerprints, the translations table and the health report."""
