"""schema.org data for search engines: the operator as an Organization with its phone line."""

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def contact_point(hours):
    digits = hours.tel_uri.removeprefix("tel:")
    return {
        "@type": "ContactPoint",
        "telephone": digits,
        "contactType": "customer service",
        "areaServed": "JP",
        "availableLanguage": ["Japanese"],
        "hoursAvailable": {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{WEEKDAY_NAMES[day]}" for day in hours.open_weekdays],
            "opens": hours.opens_at.strftime("%H:%M"),
            "closes": hours.closes_at.strftime("%H:%M"),
        },
    }


def organization(operator, hours, url):
    data = {"@context": "https://schema.org", "@type": "Organization", "name": operator.operator_name, "url": url}
    if hours is not None:
        data["contactPoint"] = contact_point(hours)
    return data
