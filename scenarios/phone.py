"""Phone numbers as editors write them, read by ``phonenumbers`` (Google's libphonenumber data).

An editor writes the number as it is dialled in the line's country (``SCENARIOS["COUNTRY"]``), e.g.
``0120-347-277`` in Japan, or in international form (``+44 20 7946 0000``) anywhere. Links and
structured data need it in international form; which digits to keep is the library's business, not
a rule of thumb about leading zeros.
"""

import phonenumbers

from .conf import scenarios_settings


def parse(number):
    """The number as ``phonenumbers`` reads it, or None if it is not a possible phone number."""
    try:
        parsed = phonenumbers.parse(number, scenarios_settings.COUNTRY)
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_possible_number(parsed) else None


def tel_uri(number):
    """``tel:+81120347277``: an RFC 3966 link target in E.164 digits, or None for a number that cannot be read."""
    parsed = parse(number)
    if parsed is None:
        return None
    return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def international(number):
    """``+81 120-347-277``: the form schema.org asks for, or None for a number that cannot be read."""
    parsed = parse(number)
    if parsed is None:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
