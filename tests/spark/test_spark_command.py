from bantin.cli import main


def test_cluster_engine_spark_without_pyspark_or_java_names_both(monkeypatch, tmp_path, capsys):
    import bantin.spark as spark_pkg

    def unavailable():
        raise spark_pkg.SparkUnavailable(f"no Java found: {spark_pkg.INSTALL_HINT}")

    monkeypatch.setattr(spark_pkg, "check_available", unavailable)
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Hà Nội mưa lớn."}\n', encoding="utf-8")
    assert main(["cluster", str(path), "--engine", "spark"]) == 2
    err = capsys.readouterr().err
    assert "bantin[spark]" in err and "Java" in err and "Traceback" not in err


def test_cluster_engine_spark_refuses_other_inputs_by_name(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Hà Nội mưa lớn.\n", encoding="utf-8")
    assert main(["cluster", str(path), "--engine", "spark"]) == 1
    assert "a.txt: the Spark engine reads JSONL and Parquet" in capsys.readouterr().err


def test_cluster_engine_spark_reads_and_writes_parquet(spark, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "1", "text": "Hà Nội mưa lớn suốt đêm qua, nhiều tuyến phố ngập sâu."}\n'
                    '{"id": "2", "text": "Hà Nội mưa lớn suốt đêm qua, nhiều tuyến phố ngập sâu."}\n'
                    '{"id": "3", "text": "Giá vàng hôm nay tăng mạnh."}\n', encoding="utf-8")
    spark.read.json(str(path)).write.parquet(str(tmp_path / "in.parquet"))
    out = tmp_path / "events.parquet"
    assert main(["cluster", str(tmp_path / "in.parquet"), "--engine", "spark", "--no-summary", "--format", "parquet",
                 "-o", str(out)]) == 0
    rows = spark.read.parquet(str(out)).collect()
    assert sorted((list(r.articles), [list(g) for g in r.duplicates]) for r in rows) == [
        (["1", "2"], [["1", "2"]]), (["3"], [])]
