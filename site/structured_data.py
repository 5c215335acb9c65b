"""schema.org data for search engines: the operator as an Organization with its phone line.

Site-wide, so the site's: the plugin supplies the facts (the operator and contact-hours snippets in
the page's language, and its settings for the country and the languages the line answers in).
"""

from scenarios.conf import scenarios_settings

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def contact_point(hours):
    point = {
        "@type": "ContactPoint",
        "telephone": hours.international_phone_number or hours.phone_number,
        "contactType": "customer service",
        "availableLanguage": scenarios_settings.languages,
        "hoursAvailable": {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{WEEKDAY_NAMES[day]}" for day in hours.open_weekdays],
            "opens": hours.opens_at.strftime("%H:%M"),
            "closes": hours.closes_at.strftime("%H:%M"),
        },
    }
    if scenarios_settings.COUNTRY:
        point["areaServed"] = scenarios_settings.COUNTRY
    return point


def organization(operator, hours, url):
    """The operator as named in the page's language, its home page in that language, and its line."""
    data = {"@context": "https://schema.org", "@type": "Organization", "name": operator.operator_name, "url": url}
    if hours is not None:
        data["contactPoint"] = contact_point(hours)
    return data
