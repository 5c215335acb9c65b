"""Phone numbers as editors write them, read by ``phonenumbers`` (Google's libphonenumber data).

An editor writes the number as it is dialled in the line's country (``SCENARIOS["COUNTRY"]``), e.g.
``0120-347-277`` in Japan, or in international form (``+44 20 7946 0000``) anywhere. Links and
structured data need it in international form; which digits to keep is the library's business, not
a rule of thumb about leading zeros.
"""

import functools

import phonenumbers

from .conf import scenarios_settings


def parse(number):
    """The number as ``phonenumbers`` reads it, or None if it is not a possible phone number."""
    return _parse(number, scenarios_settings.COUNTRY)


def tel_uri(number):
    """``tel:+81120347277``: an RFC 3966 link target in E.164 digits, or None for a number that cannot be read."""
    formatted = _format(number, scenarios_settings.COUNTRY, phonenumbers.PhoneNumberFormat.E164)
    return None if formatted is None else "tel:" + formatted


def international(number):
    """``+81 120-347-277``: the form schema.org asks for, or None for a number that cannot be read."""
    return _format(number, scenarios_settings.COUNTRY, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _parse(number, country):
    try:
        parsed = phonenumbers.parse(number, country)
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_possible_number(parsed) else None


@functools.lru_cache(maxsize=256)
def _format(number, country, number_format):
    """Remembered: every page shows the contact line's number, as a link and in structured data,
    and reading it with ``phonenumbers`` takes longer than the rest of the contact block."""
    parsed = _parse(number, country)
    return None if parsed is None else phonenumbers.format_number(parsed, number_format)
