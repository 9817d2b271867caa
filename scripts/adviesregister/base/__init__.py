"""The base layer, below the stages: infrastructure that knows nothing of advice, responses or gemeenten.

Atomic writes and the archive lock (`atomic`), the folders the commands write in (`folders`), the signed cache of
per-document work (`cache`) and the process pool it runs on (`parallel`), git read as bytes (`git_log`), Tesseract
(`ocr`). It imports nothing of ours; every stage may import it.
"""
