"""One SparkSession (local[2]) for every Spark test; the tests skip when PySpark or Java is absent."""
import pytest


@pytest.fixture(scope="session")
def spark():
    from bantin.spark import SparkUnavailable, check_available

    try:
        check_available()
    except SparkUnavailable as error:
        pytest.skip(str(error))
    from bantin.spark.session import spark_session

    session = spark_session("local[2]", app_name="bantin-tests",
                            conf={"spark.sql.shuffle.partitions": "2", "spark.default.parallelism": "2",
                                  "spark.ui.enabled": "false"})
    yield session
    session.stop()
