from edge.privacy.checksums import iban, luhn, us_ssn


def test_card_numbers_pass_luhn_and_one_changed_digit_fails():
    assert luhn("4111 1111 1111 1111")
    assert luhn("378282246310005")
    assert not luhn("4111 1111 1111 1112")
    assert not luhn("")


def test_ibans_pass_mod_97_whatever_the_case_or_spacing():
    assert iban("DE89 3704 0044 0532 0130 00")
    assert iban("gb82west12345698765432")
    assert not iban("DE89 3704 0044 0532 0130 01")
    assert not iban("DE89")


def test_ssns_follow_the_social_security_administrations_rules():
    assert us_ssn("494-33-0748")
    for impossible in ("000-12-3456", "666-12-3456", "912-12-3456", "123-00-4567", "123-45-0000", "111-11-1111"):
        assert not us_ssn(impossible), impossible
