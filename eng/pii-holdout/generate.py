#!/usr/bin/env python3
"""Writes a labelled PII check set in presidio-research's JSON format (full_text, spans).

The set is the lead's independent check on generalisation: its templates, names and places are written here
by hand (no Faker, no Bogus, nothing from presidio-research), and half of the names and towns are invented
from syllables, so no gazetteer can know them. The recognizers must not be tuned to it; it is read only by
`steward pii evaluate` and by one accuracy-floor test.

Usage: python3 eng/pii-holdout/generate.py [--seed 7] [--count 400] > eng/pii-holdout/holdout.json
"""
import argparse
import json
import random

FIRST = ["Maria", "Ahmed", "Yuki", "Olga", "Pieter", "Siobhan", "Chidi", "Anders", "Lucia", "Tomasz", "Priya",
         "Mateo", "Ingrid", "Kwame", "Fatima", "Dmitri", "Aoife", "Hamid", "Leilani", "Bjorn", "Camille", "Rafael",
         "Noura", "Jonas", "Eszter", "Kenji", "Zanele", "Henrik", "Ines", "Oluwaseun", "George", "Emily", "Robert",
         "Linda", "Thomas", "Sarah", "Michael", "Karen", "David", "Nancy"]
LAST = ["Okafor", "Lindqvist", "Nakamura", "Kowalczyk", "van der Berg", "Ferreira", "Haddad", "O'Sullivan",
        "Petrovic", "Schneider", "Castellanos", "Mbeki", "Johansson", "Dubois", "Rossi", "Novak", "Yilmaz",
        "Papadopoulos", "Andersen", "Gallagher", "Moreau", "Kaur", "Tanaka", "Horvath", "Brennan", "Silva",
        "Miller", "Johnson", "Brown", "Davis", "Wilson", "Clark"]
SYL = ["ka", "lo", "mi", "ra", "ten", "vo", "shi", "dra", "bel", "qu", "yan", "zor", "fi", "gu", "ner", "sa",
       "tor", "wen", "lia", "mek", "dov", "ash", "ril", "pe", "hon", "ju", "ste", "ba", "nik", "or"]
CITIES = ["Lisbon", "Tampere", "Brno", "Ghent", "Porto Alegre", "Daejeon", "Kraków", "Leeds", "Aarhus",
          "Bordeaux", "Rosario", "Kumasi", "Utrecht", "Innsbruck", "Cluj-Napoca", "Tallinn", "Fresno",
          "Springfield", "Bergen", "Graz", "Split", "Nantes", "Izmir", "Mombasa"]
COUNTRIES = ["Portugal", "Finland", "Czech Republic", "Belgium", "Brazil", "South Korea", "Poland",
             "United Kingdom", "Denmark", "France", "Argentina", "Ghana", "Netherlands", "Austria", "Romania",
             "Estonia", "United States", "Norway", "Croatia", "Turkey", "Kenya", "New Zealand", "Chile", "Japan"]
STREET_WORDS = ["Oak", "Mill", "Harbour", "Linden", "Station", "Church", "Meadow", "Castle", "Willow", "King",
                "Garden", "River", "Market", "Bridge", "Elm", "Cedar"]
ORG_SUFFIX = ["Inc", "LLC", "Ltd", "GmbH", "Group", "Partners", "Consulting", "Holdings", "Analytics", "Labs"]
TLDS = ["com", "org", "net", "io", "de", "co.uk", "nl", "fr", "se", "pl"]


def invented(r, parts=(2, 3)):
    return "".join(r.choice(SYL) for _ in range(r.randint(*parts))).capitalize()


def first(r):
    return r.choice(FIRST) if r.random() < 0.5 else invented(r)


def last(r):
    return r.choice(LAST) if r.random() < 0.5 else invented(r, (2, 4))


def person(r):
    return first(r) + " " + last(r) if r.random() < 0.7 else first(r)


def city(r):
    return r.choice(CITIES) if r.random() < 0.5 else invented(r) + r.choice(["", "", "ville", "berg", " Falls", "ovo"])


def country(r):
    return r.choice(COUNTRIES)


def street(r):
    word = r.choice(STREET_WORDS) if r.random() < 0.5 else invented(r)
    n = r.randint(1, 999)
    return r.choice([
        f"{n} {word} Street", f"{n} {word} Road", f"{n} {word} Ave", f"{n} {word} Lane", f"{n} {word} Drive",
        f"{word.lower()}straat {n}" if r.random() < 0.5 else f"{word}straat {n}", f"{word}strasse {n}",
        f"{n} rue {word}", f"Calle {word} {n}", f"{word}weg {n}", f"ul. {word} {n}", f"Via {word} {n}",
    ])


def postal(r):
    return r.choice([f"{r.randint(10000, 99999)}", f"{r.randint(1000, 9999)}",
                     f"{r.choice('ABCDEFGHKLMNPRSTW')}{r.choice('ABCDEFGHKLMNPRSTW')}{r.randint(1, 20)} {r.randint(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"])


def address_block(r):
    parts = [street(r)]
    if r.random() < 0.3:
        parts.append(r.choice(["Apt. ", "Suite ", "Unit ", "Flat "]) + str(r.randint(1, 999)))
    parts.append(city(r))
    if r.random() < 0.6:
        parts.append(country(r) + " " + postal(r) if r.random() < 0.5 else postal(r) + " " + country(r))
    sep = r.choice([", ", "\n", ",\n"])
    return sep.join(parts)


def luhn_complete(digits):
    total = 0
    for i, d in enumerate(reversed(digits)):
        v = int(d)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return digits + str((10 - total % 10) % 10)


def credit_card(r):
    prefix, length = r.choice([("4", 16), ("51", 16), ("55", 16), ("37", 15), ("6011", 16)])
    body = prefix + "".join(str(r.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    number = luhn_complete(body)
    if r.random() < 0.4 and length == 16:
        sep = r.choice([" ", "-"])
        number = sep.join(number[i:i + 4] for i in range(0, 16, 4))
    return number


def ssn(r):
    while True:
        area, group, serial = r.randint(1, 899), r.randint(1, 99), r.randint(1, 9999)
        if area != 666:
            return f"{area:03d}-{group:02d}-{serial:04d}"


def iban(r):
    country_code, length = r.choice([("DE", 22), ("GB", 22), ("FR", 27), ("NL", 18), ("ES", 24), ("IT", 27)])
    if country_code == "GB":
        bban = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(str(r.randint(0, 9)) for _ in range(14))
    elif country_code == "NL":
        bban = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(str(r.randint(0, 9)) for _ in range(10))
    elif country_code == "IT":
        bban = r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "".join(str(r.randint(0, 9)) for _ in range(22))
    else:
        bban = "".join(str(r.randint(0, 9)) for _ in range(length - 4))
    rearranged = bban + country_code + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(numeric) % 97
    value = f"{country_code}{check:02d}{bban}"
    if r.random() < 0.5:
        value = " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return value


def phone(r):
    d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))
    return r.choice([
        f"+1-{r.randint(201, 989)}-{d(3)}-{d(4)}", f"({r.randint(201, 989)}) {d(3)}-{d(4)}",
        f"{r.randint(201, 989)}.{d(3)}.{d(4)}", f"+44 20 {d(4)} {d(4)}", f"020 {d(4)} {d(4)}",
        f"+49 30 {d(7)}", f"06 {d(2)} {d(2)} {d(2)} {d(2)}", f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
        f"0{d(2)}-{d(3)}-{d(3)}", f"{r.randint(201, 989)}-{d(3)}-{d(4)} x{d(3)}", f"+91 {d(5)} {d(5)}",
        f"(0{d(1)}) {d(4)} {d(4)}", f"+61 4{d(2)} {d(3)} {d(3)}",
    ])


def email(r, name=None):
    local = (name or person(r)).lower().replace(" ", r.choice([".", "_", ""])).replace("'", "")
    return f"{local}{r.choice(['', str(r.randint(1, 99))])}@{invented(r).lower()}.{r.choice(TLDS)}"


def date(r):
    y, m, day = r.randint(1950, 2025), r.randint(1, 12), r.randint(1, 28)
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    return r.choice([f"{y}-{m:02d}-{day:02d}", f"{m}/{day}/{y}", f"{day:02d}.{m:02d}.{y}", f"{day} {months[m - 1]} {y}",
                     f"{months[m - 1]} {day}, {y}", f"{y}-{m:02d}-{day:02d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}"])


def ip(r):
    if r.random() < 0.8:
        return ".".join(str(r.randint(1, 254)) for _ in range(4))
    return ":".join(f"{r.randint(0, 65535):x}" for _ in range(8))


def url(r):
    return r.choice(["https://", "http://", "https://www.", "www."]) + invented(r).lower() + r.choice(["", "-" + invented(r).lower()]) \
        + "." + r.choice(TLDS) + r.choice(["", "/", "/about", "/u/" + str(r.randint(1, 9999))])


def org(r):
    return r.choice([f"{last(r)} {r.choice(ORG_SUFFIX)}", f"{invented(r)} {invented(r)} {r.choice(ORG_SUFFIX)}",
                     f"{last(r)}, {last(r)} and {last(r)}"])


# Each template: text with {slot} markers; slots map to (entity type, generator).
SLOTS = {
    "person": ("PERSON", person), "first": ("PERSON", first), "last": ("PERSON", last),
    "address": ("LOCATION", address_block), "street": ("LOCATION", street), "city": ("LOCATION", city),
    "country": ("LOCATION", country), "phone": ("PHONE_NUMBER", phone), "email": ("EMAIL_ADDRESS", email),
    "cc": ("CREDIT_CARD", credit_card), "ssn": ("US_SSN", ssn), "iban": ("IBAN_CODE", iban),
    "date": ("DATE_TIME", date), "ip": ("IP_ADDRESS", ip), "url": ("URL", url), "org": ("ORGANIZATION", org),
}

TEMPLATES = [
    "Hi, this is {person}. Could somebody phone me back on {phone}?",
    "Please ship the replacement to {address} before Friday.",
    "Our new tenant, {person}, moves into {street} next month.",
    "{person} ({email}) asked us to close the account.",
    "I paid with the card ending {cc} and was charged twice.",
    "For the tax form my SSN is {ssn}, please keep it private.",
    "Wire the refund to {iban}, account holder {person}.",
    "The incident started on {date} from address {ip}.",
    "Visit {url} to see the new catalogue.",
    "{first} told me that {first} had already left for {city}.",
    "After ten years at {org}, {person} joined the board of {org}.",
    "Contact: {person}\n{address}\nTel: {phone}",
    "{person}\n{org}\n{address}\n{phone} (mobile)",
    "Born in {city}, {country}, {last} studied law before turning to music.",
    "We spent the summer in {city} and flew back to {country} on {date}.",
    "Can you update my number to {phone}? Thanks, {first}",
    "my name is {person} and i live at {address}",
    "Send the invoice to {email} and copy {person}.",
    "Patient {person}, date of birth {date}, referred by Dr. {last}.",
    "According to {last}, the festival in {city} drew record crowds.",
    "I never received the parcel sent to {street}, {city}.",
    "Is {first} available? I tried {phone} twice.",
    "Hello {first}, your verification code was sent to {email}.",
    "Login from {ip} at {date} was blocked.",
    "The keynote by {person} of {org} was the highlight.",
    "Please charge {cc} for the annual plan.",
    "ssn {ssn} belongs to my daughter {first}.",
    "Ask {person} about the lease for {address}.",
    "Our office moved to {address}. Call {phone} for directions.",
    "I want to speak to a manager right now!",
    "How do I reset my password?",
    "The weather in Spring is Lovely and Warm.",
    "Order 4471-22 shipped in 3 boxes; total 129.99 EUR.",
    "Version 2.14.3 fixes the crash reported on build 20231.",
    "Thanks for the Quick Reply, the Support Team was great.",
    "{PERSON} CALLED ABOUT THE DELIVERY TO {CITY}",
    "{person} and {person} met in {country} last {date}.",
    "Reach me at {phone} or {email}.",
    "Transfer from {iban} failed; contact {first} at {org}.",
    "The site {url} is hosted at {ip}.",
]


def render(r, template):
    text, spans = "", []
    i = 0
    while i < len(template):
        if template[i] == "{":
            j = template.index("}", i)
            slot = template[i + 1:j]
            entity, gen = SLOTS[slot.lower()]
            value = gen(r)
            if slot.isupper():
                value = value.upper()
            spans.append({"entity_type": entity, "entity_value": value, "start_position": len(text), "end_position": len(text) + len(value)})
            text += value
            i = j + 1
        else:
            text += template[i]
            i += 1
    # Some chat texts arrive all lower case.
    if r.random() < 0.12 and not any(s["entity_type"] in ("IBAN_CODE", "URL", "EMAIL_ADDRESS") for s in spans):
        text = text.lower()
        for s in spans:
            s["entity_value"] = s["entity_value"].lower()
    return {"full_text": text, "spans": spans}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--count", type=int, default=400)
    args = parser.parse_args()
    r = random.Random(args.seed)
    samples = [render(r, r.choice(TEMPLATES)) for _ in range(args.count)]
    print(json.dumps(samples, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
