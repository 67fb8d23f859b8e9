"""Detection quality on Presidio's synthetic set (../shared/eval/pii), against the targets of the privacy issue.
scripts/bench_privacy.py prints the full table beside Presidio's default configuration."""

import pytest

from edge.privacy.evaluation import load_pii_dataset, score
from tests.conftest import eval_path


@pytest.fixture(scope="module")
def report(detector):
    samples = load_pii_dataset(eval_path("pii", "presidio_synth_dataset_v2.json"))
    return score(samples, [detector.detect(s.text) for s in samples])


@pytest.mark.parametrize("kind", ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "IBAN_CODE", "IP_ADDRESS"])
def test_values_with_a_fixed_shape_are_found_at_least_95_percent_of_the_time(report, kind):
    assert report.rows[kind].recall >= 0.95


@pytest.mark.parametrize("kind", ["PERSON", "STREET_ADDRESS"])
def test_names_and_street_addresses_are_found_at_least_85_percent_of_the_time(report, kind):
    assert report.rows[kind].recall >= 0.85


def test_overall_f2_is_at_least_0_85(report):
    assert report.overall.f2 >= 0.85


def test_sentences_without_personal_data_stay_almost_untouched(detector):
    samples = [s for s in load_pii_dataset(eval_path("pii", "presidio_synth_dataset_v2.json")) if not s.gold]
    flagged = [s.text for s in samples if detector.detect(s.text)]
    assert len(samples) == 113
    assert len(flagged) / len(samples) <= 0.1, flagged
