"""`mediakit import`: read the analytics files platforms let a creator download, offline,
and merge their figures into the kit.

One module per export format reads its files into a neutral `Export`
(`result.py`); `detect.py` tells the formats apart by their content;
`merge.py` merges exports into the kit file and its posts CSV files;
`run.py` is the whole import, in order. Nothing here renders: the package
reads with `load`, `validate` and the models only.
"""
