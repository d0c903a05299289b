print("seggraph-bench: not built yet")
