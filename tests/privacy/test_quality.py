"""Detection quality on Presidio's synthetic set (pii/ in the evaluation data), against the targets of the privacy issue.
scripts/bench_privacy.py prints the full table beside Presidio's default configuration."""

import pytest

from edge.evaluation.pii import load_pii_dataset, score


@pytest.fixture(scope="module")
def samples(eval_data):
    return load_pii_dataset(eval_data / "pii" / "presidio_synth_dataset_v2.json")


@pytest.fixture(scope="module")
def report(detector, samples):
    return score(samples, [detector.detect(s.text) for s in samples])


@pytest.mark.parametrize("kind", ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "IBAN_CODE", "IP_ADDRESS"])
def test_values_with_a_fixed_shape_are_found_at_least_95_percent_of_the_time(report, kind):
    assert report.rows[kind].recall >= 0.95


@pytest.mark.parametrize("kind", ["PERSON", "STREET_ADDRESS"])
def test_names_and_street_addresses_are_found_at_least_85_percent_of_the_time(report, kind):
    assert report.rows[kind].recall >= 0.85


def test_overall_f2_is_at_least_0_85(report):
    assert report.overall.f2 >= 0.85


def test_sentences_without_personal_data_stay_almost_untouched(detector, samples):
    clean = [s for s in samples if not s.gold]
    flagged = [s.text for s in clean if detector.detect(s.text)]
    assert len(clean) == 113
    assert len(flagged) / len(clean) <= 0.1, flagged


def test_the_scorer_counts_overlap_by_type_and_ignores_unscored_types():
    from edge.evaluation.pii import Sample
    from edge.privacy.entities import Entity

    samples = [
        Sample("Jane Doe lives at 1 Main St", [Entity(0, 8, "PERSON", 1.0), Entity(18, 27, "STREET_ADDRESS", 1.0)]),
        Sample("Acme hired Bob", [Entity(0, 4, "ORGANIZATION", 1.0), Entity(11, 14, "PERSON", 1.0)]),
    ]
    predictions = [
        [Entity(0, 4, "PERSON", 0.9), Entity(18, 27, "LOCATION", 0.9)],
        [Entity(0, 4, "PERSON", 0.9), Entity(11, 14, "LOCATION", 0.9), Entity(5, 10, "NRP", 0.9)],
    ]
    report = score(samples, predictions)
    assert (report.rows["PERSON"].found, report.rows["PERSON"].gold) == (1, 2)
    assert (report.rows["PERSON"].correct, report.rows["PERSON"].predicted) == (1, 1)
    assert (report.rows["LOCATION"].correct, report.rows["LOCATION"].predicted) == (1, 2)
    assert report.rows["STREET_ADDRESS"].recall == 1.0 and "NRP" not in report.rows
    assert report.overall.f2 == 5 * (2 / 3) * (2 / 3) / (4 * (2 / 3) + 2 / 3)
    assert report.character_recall == (4 + 9 + 3) / (8 + 9 + 3)
