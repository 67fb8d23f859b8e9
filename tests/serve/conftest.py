import openai
import pytest


@pytest.fixture
def client(served):
    """OpenAI's client for the module's ``served`` edge serve, without retries: a 429 is seen as it is."""
    return openai.OpenAI(base_url=served.api, api_key="unused", max_retries=0, timeout=120)
