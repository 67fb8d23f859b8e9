from edge.serve.announce import read_until_ready


def test_the_lines_a_sidecar_prints_are_read_up_to_ready():
    lines = iter(["port 40123\n", "wyoming-asr port 40124\n", "ready http://127.0.0.1:40123/v1\n", "later output\n"])
    announced = read_until_ready(lines)
    assert (announced.port, announced.wyoming, announced.url) == (40123, {"asr": 40124}, "http://127.0.0.1:40123/v1")
    assert next(lines) == "later output\n"


def test_output_that_ends_before_ready_has_no_url():
    assert read_until_ready(["port 40123\n"]).url is None
