"""Generate English training sentences for edge's intent head.

Skill sentences come from the English templates of ``home-assistant-intents``
(Apache-2.0), parsed with ``hassil`` (Apache-2.0), with every slot filled from wide
value pools defined here. Those templates are narrow for some skills (HassGetCurrentTime
has 11 expansions, HassGetWeather only "what is the weather like in X"), so a small set
of extra templates in hassil syntax (``EXTRA_TEMPLATES``) widens them; ``--no-extra``
turns that off. The ``chat`` class mixes the first turns of ``chatterbot-corpus``
(BSD-3-Clause) with hand-written hassil templates (``CHAT_TEMPLATES``).

    python scripts/intent_data.py --out intents.csv [--seed 0] [--per-label 600] [--no-extra]

Nothing here reads /work/shared/eval, which is kept for evaluation.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.resources
import random
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from hassil import (
    Alternative,
    Expression,
    Intents,
    ListReference,
    Permutation,
    RangeSlotList,
    RuleReference,
    Sentence,
    Sequence,
    SlotList,
    TextChunk,
    TextSlotList,
    WildcardSlotList,
    normalize_whitespace,
    parse_sentence,
)
from hassil.numbers import get_rbnf_engine
from home_assistant_intents import get_intents

LANGUAGE = "en"
LABELS: tuple[str, ...] = ("timer", "time", "weather", "device", "list", "chat")
DEFAULT_PER_LABEL = 600
MAX_CONSECUTIVE_MISSES = 200

HA_INTENT_LABELS: dict[str, str] = {
    "HassStartTimer": "timer",
    "HassCancelTimer": "timer",
    "HassCancelAllTimers": "timer",
    "HassPauseTimer": "timer",
    "HassUnpauseTimer": "timer",
    "HassIncreaseTimer": "timer",
    "HassDecreaseTimer": "timer",
    "HassTimerStatus": "timer",
    "HassGetCurrentTime": "time",
    "HassGetCurrentDate": "time",
    "HassGetWeather": "weather",
    "HassTurnOn": "device",
    "HassTurnOff": "device",
    "HassGetState": "device",
    "HassLightSet": "device",
    "HassSetPosition": "device",
    "HassClimateGetTemperature": "device",
    "HassClimateSetTemperature": "device",
    "HassClimateSetFanMode": "device",
    "HassFanSetSpeed": "device",
    "HassMediaPause": "device",
    "HassMediaUnpause": "device",
    "HassMediaNext": "device",
    "HassMediaPrevious": "device",
    "HassMediaPlayerMute": "device",
    "HassMediaPlayerUnmute": "device",
    "HassMediaSearchAndPlay": "device",
    "HassSetVolume": "device",
    "HassSetVolumeRelative": "device",
    "HassVacuumStart": "device",
    "HassVacuumReturnToBase": "device",
    "HassVacuumCleanArea": "device",
    "HassLawnMowerStartMowing": "device",
    "HassLawnMowerDock": "device",
    "HassShoppingListAddItem": "list",
    "HassShoppingListCompleteItem": "list",
    "HassListAddItem": "list",
    "HassListCompleteItem": "list",
    "HassListRemoveItem": "list",
    "HassRespond": "chat",
}
"""Home Assistant intent name -> edge label. Intents absent here are not used."""

DROPPED_HA_INTENTS: dict[str, str] = {
    "HassNevermind": "two fixed words; the router matches 'never mind' / 'cancel' exactly",
    "HassBroadcast": "edge has no broadcast skill; its text is a free-form message",
}

HA_INTENT_WEIGHTS: dict[str, float] = {
    "HassStartTimer": 3.0,
    "HassTurnOn": 3.0,
    "HassTurnOff": 3.0,
    "HassLightSet": 2.0,
    "HassGetWeather": 2.0,
    "HassShoppingListAddItem": 2.0,
    "HassListAddItem": 2.0,
}
"""Relative share of an intent within its label (default 1)."""

NAME_DOMAINS_BY_INTENT: dict[str, tuple[str, ...]] = {
    "HassTurnOn": ("light", "switch", "fan", "media_player", "cover", "climate"),
    "HassTurnOff": ("light", "switch", "fan", "media_player", "cover", "climate"),
    "HassGetState": ("light", "switch", "fan", "cover", "lock", "sensor", "binary_sensor"),
    "HassLightSet": ("light",),
    "HassSetPosition": ("cover", "valve"),
    "HassClimateGetTemperature": ("climate",),
    "HassClimateSetTemperature": ("climate",),
    "HassClimateSetFanMode": ("climate",),
    "HassFanSetSpeed": ("fan",),
    "HassVacuumStart": ("vacuum",),
    "HassVacuumReturnToBase": ("vacuum",),
    "HassVacuumCleanArea": ("vacuum",),
    "HassLawnMowerStartMowing": ("lawn_mower",),
    "HassLawnMowerDock": ("lawn_mower",),
    "HassGetWeather": ("weather",),
    "HassListAddItem": ("todo",),
    "HassListCompleteItem": ("todo",),
    "HassListRemoveItem": ("todo",),
}
"""Which kind of entity fills ``{name}`` when a template block names no domain itself."""

# fmt: off
ROOMS: tuple[str, ...] = (
    "living room", "kitchen", "bedroom", "master bedroom", "main bedroom", "guest room",
    "guest bedroom", "kids room", "nursery", "playroom", "bathroom", "master bathroom",
    "downstairs bathroom", "upstairs bathroom", "powder room", "hallway", "upstairs hallway",
    "entryway", "foyer", "mudroom", "laundry room", "utility room", "pantry", "dining room",
    "breakfast nook", "family room", "den", "study", "office", "home office", "library",
    "media room", "game room", "gym", "basement", "attic", "garage", "workshop", "shed",
    "porch", "front porch", "back porch", "patio", "deck", "balcony", "terrace", "garden",
    "backyard", "front yard", "driveway", "sunroom", "conservatory", "loft", "lounge",
    "closet", "walk-in closet", "stairs", "staircase", "landing", "wine cellar",
    "craft room", "music room", "sewing room", "emma's room", "jack's room", "noah's room",
    "sophia's room", "the twins' room", "granny flat", "pool house", "cabin", "boathouse",
)

FLOORS: tuple[str, ...] = (
    "upstairs", "downstairs", "first floor", "second floor", "third floor", "ground floor",
    "top floor", "main floor", "basement level", "lower level", "upper level", "attic floor",
)

_LIGHT_PLACES: tuple[str, ...] = (
    "kitchen", "bedroom", "living room", "hallway", "bathroom", "porch", "patio", "garage",
    "office", "den", "dining room", "nursery", "basement", "stairway", "closet", "garden",
    "ceiling", "desk", "bedside", "floor", "reading", "accent", "under cabinet", "vanity",
    "pendant", "island", "mirror", "christmas", "string", "pathway", "flood", "back door",
    "front door", "driveway", "pool", "aquarium", "sofa", "corner", "nightstand", "wall",
)
_LIGHT_NOUNS: tuple[str, ...] = (
    "light", "lights", "lamp", "light strip", "spotlights", "chandelier", "sconce", "bulb",
    "led strip", "downlights",
)

_SWITCHES: tuple[str, ...] = (
    "coffee maker", "espresso machine", "kettle", "space heater", "dehumidifier", "humidifier",
    "water fountain", "christmas tree", "printer", "smart plug", "power strip",
    "electric blanket", "towel warmer", "aquarium pump", "sprinklers", "guest mode",
    "vacation mode", "dishwasher", "washing machine", "dryer", "hot tub", "pool pump",
    "heated floor", "monitor", "computer", "router", "fireplace", "toaster oven", "rice cooker",
    "slow cooker", "air fryer", "fridge fan", "baby monitor", "security camera", "alarm",
    "night mode", "do not disturb", "diffuser", "salt lamp", "fish tank heater", "ev charger",
    "garden fountain", "heat lamp", "bug zapper", "radio",
)

_FANS: tuple[str, ...] = (
    "ceiling fan", "bedroom fan", "box fan", "tower fan", "attic fan", "bathroom fan",
    "exhaust fan", "kitchen fan", "range hood", "air purifier", "desk fan", "office fan",
    "living room fan", "porch fan", "nursery fan", "standing fan", "whole house fan",
    "garage fan", "pedestal fan", "window fan",
)

_COVERS: tuple[str, ...] = (
    "garage door", "living room blinds", "bedroom curtains", "patio awning", "skylight",
    "roller shades", "driveway gate", "front gate", "kitchen blinds", "office shades",
    "nursery blackout blinds", "sliding door", "back gate", "shutters", "window shades",
    "study curtains", "balcony shutters", "bathroom blind", "blackout curtains",
    "sunroom shades", "left garage door", "right garage door", "roof window",
)

_VALVES: tuple[str, ...] = (
    "main water valve", "garden valve", "irrigation valve", "gas valve", "sprinkler valve",
    "hose valve", "drip line", "pool valve",
)

_LOCKS: tuple[str, ...] = (
    "front door", "back door", "front door lock", "side gate lock", "garage lock", "deadbolt",
    "patio door", "basement door", "shed lock", "mudroom door", "smart lock", "gate lock",
)

_CLIMATE: tuple[str, ...] = (
    "thermostat", "downstairs thermostat", "upstairs thermostat", "heat pump",
    "air conditioner", "ac", "heating", "boiler", "mini split", "radiator", "nest",
    "ecobee", "bedroom ac", "office heater", "living room thermostat", "hvac",
    "floor heating", "wall unit", "central air", "climate control",
)

_MEDIA_PLAYERS: tuple[str, ...] = (
    "tv", "television", "living room tv", "bedroom tv", "kitchen speaker", "sonos", "echo",
    "soundbar", "stereo", "record player", "bedroom speaker", "chromecast", "apple tv",
    "roku", "projector", "office speaker", "bathroom speaker", "homepod", "kids tablet",
    "patio speakers", "shield", "fire stick", "google home", "nest mini", "receiver",
    "jukebox", "garage radio", "den tv", "basement projector", "bose speaker",
)

_VACUUMS: tuple[str, ...] = (
    "roomba", "robot vacuum", "vacuum", "upstairs vacuum", "roborock", "mop", "robot mop",
    "dreame", "deebot", "downstairs vacuum", "vacuum cleaner", "eufy",
)

_MOWERS: tuple[str, ...] = (
    "lawn mower", "robot mower", "automower", "mower", "front lawn mower", "back lawn mower",
    "husqvarna", "grass cutter",
)

_SCENES: tuple[str, ...] = (
    "movie night", "bedtime", "good morning", "dinner party", "reading mode", "romantic",
    "party mode", "relax", "focus", "wake up", "away", "cozy evening", "game night",
    "date night", "all off", "sunset", "bright", "nightlight", "cleaning mode", "holiday",
)

_SCRIPTS: tuple[str, ...] = (
    "morning routine", "goodnight routine", "leaving home", "arriving home", "feed the cat",
    "water the plants", "start the coffee", "lock up", "movie time", "wake the kids",
)

_BUTTONS: tuple[str, ...] = (
    "doorbell chime", "garage button", "reboot router", "restart nas", "identify",
    "find my phone", "panic button", "ring chime",
)

_SENSORS: tuple[str, ...] = (
    "basement humidity", "power usage", "energy consumption", "washing machine status",
    "air quality", "co2 level", "phone battery", "freezer temperature", "fridge temperature",
    "water usage", "solar production", "battery level", "pool temperature", "aquarium temperature",
    "radon level", "noise level", "printer ink", "car battery", "wine cellar temperature",
    "greenhouse humidity",
)

_BINARY_SENSORS: tuple[str, ...] = (
    "front door", "back window", "garage door", "motion sensor", "kitchen window", "mailbox",
    "basement water sensor", "smoke detector", "doorbell", "bedroom window", "patio door",
    "hallway motion", "leak sensor", "gate sensor",
)

PEOPLE: tuple[str, ...] = (
    "anna", "ben", "carlos", "diana", "emma", "felix", "grace", "hiro", "isabel", "jack",
    "kai", "lena", "marco", "nina", "omar", "priya", "quinn", "rosa", "sam", "tomas",
    "uma", "victor", "wei", "xavier", "yara", "zoe", "mom", "dad", "grandma", "grandpa",
    "aisha", "bjorn", "chen", "dmitri", "elena", "fatima", "george", "hannah", "ivan",
    "julia", "kofi", "liam", "maria", "noah", "olivia", "pedro", "sofia", "tariq", "yuki",
)

ZONES: tuple[str, ...] = (
    "work", "the office", "school", "the gym", "grandma's", "the store", "downtown",
    "the airport", "college", "the park", "the station", "church", "practice", "the lake house",
)

CITIES: tuple[str, ...] = (
    "london", "paris", "berlin", "madrid", "rome", "lisbon", "dublin", "amsterdam", "brussels",
    "vienna", "prague", "warsaw", "budapest", "athens", "istanbul", "moscow", "stockholm",
    "oslo", "copenhagen", "helsinki", "reykjavik", "zurich", "geneva", "munich", "hamburg",
    "milan", "naples", "barcelona", "valencia", "seville", "porto", "edinburgh", "glasgow",
    "manchester", "liverpool", "birmingham", "cardiff", "belfast", "lyon", "marseille",
    "nice", "new york", "los angeles", "chicago", "houston", "phoenix", "philadelphia",
    "san antonio", "san diego", "dallas", "austin", "san francisco", "seattle", "denver",
    "boston", "miami", "atlanta", "detroit", "minneapolis", "portland", "las vegas",
    "nashville", "new orleans", "salt lake city", "kansas city", "pittsburgh", "baltimore",
    "honolulu", "anchorage", "toronto", "montreal", "vancouver", "calgary", "ottawa",
    "quebec city", "mexico city", "guadalajara", "cancun", "havana", "bogota", "lima",
    "santiago", "buenos aires", "sao paulo", "rio de janeiro", "montevideo", "quito",
    "caracas", "tokyo", "osaka", "kyoto", "seoul", "busan", "beijing", "shanghai",
    "hong kong", "taipei", "singapore", "kuala lumpur", "bangkok", "hanoi",
    "ho chi minh city", "manila", "jakarta", "bali", "mumbai", "delhi", "bangalore",
    "chennai", "kolkata", "karachi", "lahore", "dhaka", "kathmandu", "colombo", "dubai",
    "abu dhabi", "doha", "riyadh", "tehran", "tel aviv", "jerusalem", "beirut", "amman",
    "cairo", "casablanca", "marrakesh", "tunis", "lagos", "accra", "nairobi", "addis ababa",
    "dar es salaam", "kampala", "johannesburg", "cape town", "durban", "sydney", "melbourne",
    "brisbane", "perth", "adelaide", "auckland", "wellington", "christchurch", "fiji",
    "anchorage", "tucson", "sacramento", "charlotte", "raleigh", "orlando", "tampa",
    "st louis", "cleveland", "columbus", "cincinnati", "indianapolis", "milwaukee",
    "oklahoma city", "albuquerque", "boise", "spokane", "reno", "omaha", "memphis",
    "louisville", "richmond", "buffalo", "hartford", "providence", "burlington", "bergen",
    "gothenburg", "malmo", "krakow", "gdansk", "bratislava", "ljubljana", "zagreb",
    "belgrade", "sofia", "bucharest", "tallinn", "riga", "vilnius", "kyiv", "tbilisi",
    "yerevan", "baku", "almaty", "tashkent", "ulaanbaatar", "home", "the cabin",
    "the beach house", "my town", "here",
)

TODO_LIST_NAMES: tuple[str, ...] = (
    "grocery", "groceries", "to do", "todo", "to-do", "chores", "packing", "hardware store",
    "costco", "christmas", "birthday", "work", "homework", "camping", "pharmacy",
    "books to read", "movies to watch", "gift ideas", "weekend", "errands", "garden",
    "party", "house projects", "honey do", "trip", "wedding", "school supplies",
    "reading", "bucket", "wish", "target", "farmers market", "baby", "moving", "office",
)

SHOPPING_ITEMS: tuple[str, ...] = (
    "milk", "eggs", "bread", "butter", "cheese", "yogurt", "apples", "bananas", "oranges",
    "lemons", "limes", "grapes", "strawberries", "blueberries", "avocados", "tomatoes",
    "potatoes", "onions", "garlic", "carrots", "celery", "spinach", "lettuce", "kale",
    "broccoli", "cauliflower", "cucumbers", "bell peppers", "mushrooms", "zucchini", "corn",
    "rice", "pasta", "spaghetti", "flour", "sugar", "brown sugar", "salt", "black pepper",
    "olive oil", "vegetable oil", "vinegar", "soy sauce", "ketchup", "mustard", "mayonnaise",
    "peanut butter", "jam", "honey", "maple syrup", "cereal", "oatmeal", "granola",
    "coffee", "coffee beans", "tea", "green tea", "orange juice", "apple juice",
    "sparkling water", "beer", "wine", "chicken breasts", "ground beef", "bacon", "sausages",
    "salmon", "tuna", "shrimp", "tofu", "ham", "turkey", "hot dogs", "frozen peas",
    "frozen pizza", "ice cream", "chocolate", "cookies", "crackers", "chips", "popcorn",
    "almonds", "walnuts", "raisins", "canned tomatoes", "black beans", "chickpeas", "lentils",
    "chicken stock", "tortillas", "bagels", "english muffins", "croissants", "cream cheese",
    "sour cream", "heavy cream", "whipped cream", "parmesan", "mozzarella", "cheddar",
    "baking soda", "baking powder", "yeast", "vanilla extract", "cinnamon", "paprika",
    "oregano", "basil", "cilantro", "parsley", "ginger", "dish soap", "laundry detergent",
    "fabric softener", "paper towels", "toilet paper", "tissues", "trash bags",
    "aluminum foil", "plastic wrap", "sponges", "bleach", "light bulbs", "batteries",
    "aa batteries", "toothpaste", "toothbrushes", "shampoo", "conditioner", "body wash",
    "deodorant", "razors", "sunscreen", "band-aids", "ibuprofen", "vitamins", "cotton swabs",
    "diapers", "baby wipes", "formula", "dog food", "cat food", "cat litter", "dog treats",
    "bird seed", "charcoal", "matches", "candles", "birthday candles", "napkins",
    "paper plates", "ziploc bags", "coffee filters", "hand soap", "sparkling wine",
    "pickles", "salsa", "hummus", "pita bread", "noodles", "ramen", "coconut milk",
    "almond milk", "oat milk", "protein bars", "energy drinks", "soda", "lemonade",
    "ice", "flowers", "a birthday card", "wrapping paper", "stamps", "printer paper",
    "lightbulbs for the hallway", "a new sponge", "two dozen eggs", "a bag of rice",
    "a loaf of sourdough", "three avocados", "a gallon of milk", "a pack of gum",
    "fresh basil", "greek yogurt", "blue cheese", "rotisserie chicken", "pork chops",
    "lamb", "steak", "cod", "mussels", "quinoa", "couscous", "bulgur", "chia seeds",
)

TODO_ITEMS: tuple[str, ...] = (
    "call the plumber", "pay rent", "water the plants", "take out the trash",
    "book a dentist appointment", "renew my license", "return the library books",
    "clean the gutters", "mow the lawn", "walk the dog", "buy a birthday present for mom",
    "email the landlord", "finish the report", "schedule an oil change", "fix the fence",
    "vacuum the stairs", "do the laundry", "clean the fridge", "sort the mail",
    "pick up the dry cleaning", "call grandma", "file taxes", "cancel the gym membership",
    "back up the laptop", "replace the smoke detector battery", "wash the car",
    "change the sheets", "pay the electric bill", "defrost the freezer", "paint the fence",
    "organize the garage", "study for the exam", "practice piano", "write thank you notes",
    "plan the party", "book flights", "pack the suitcase", "feed the fish", "clean the oven",
    "fold the laundry", "iron shirts", "update the resume", "call the vet",
    "refill the prescription", "charge the car", "clean the windows", "prune the roses",
    "donate old clothes", "recycle the bottles", "get a haircut", "send the invoice",
    "read chapter five", "finish the puzzle", "buy new shoes", "register for the race",
    "order contact lenses", "descale the kettle", "bleed the radiators", "check the tire pressure",
    "milk", "eggs", "bread", "batteries", "light bulbs", "sunscreen", "tent", "sleeping bag",
    "passport", "phone charger", "birthday cake", "balloons", "gift for dad",
)

TIMER_NAMES: tuple[str, ...] = (
    "pizza", "pasta", "eggs", "egg", "laundry", "tea", "cookies", "bread", "rice", "chicken",
    "roast", "turkey", "workout", "nap", "meditation", "homework", "parking", "oven",
    "potatoes", "cake", "steak", "brownies", "dryer", "washer", "sauna", "plank", "break",
    "study", "reading", "bath", "coffee", "french press", "soup", "muffins", "popcorn",
    "pomodoro", "screen time", "piano practice", "stretching", "dough", "marinade", "chili",
    "slow cooker", "sous vide", "salmon", "ribs", "kids", "bedtime", "cooking", "kitchen",
)

SEARCH_QUERIES: tuple[str, ...] = (
    "the beatles", "taylor swift", "jazz", "lo-fi beats", "bohemian rhapsody",
    "classical music", "beyonce", "miles davis", "kind of blue", "the rolling stones",
    "fleetwood mac", "rumours", "ed sheeran", "adele", "bach", "mozart", "chopin",
    "norah jones", "bob marley", "daft punk", "radiohead", "ok computer", "coldplay",
    "the weeknd", "drake", "kendrick lamar", "billie eilish", "dua lipa", "abba",
    "queen", "elton john", "frank sinatra", "ella fitzgerald", "nina simone", "david bowie",
    "pink floyd", "the dark side of the moon", "led zeppelin", "nirvana", "metallica",
    "ac dc", "bruce springsteen", "dolly parton", "johnny cash", "willie nelson",
    "country music", "hip hop", "reggae", "blues", "rock", "pop hits", "indie folk",
    "ambient music", "rain sounds", "white noise", "ocean waves", "chill vibes",
    "workout mix", "dinner jazz", "christmas songs", "kids songs", "lullabies",
    "top forty", "80s hits", "90s rock", "bossa nova", "salsa", "k-pop", "bts",
    "shakira", "bad bunny", "arctic monkeys", "the strokes", "vampire weekend",
    "this american life", "radiolab", "the daily", "serial", "freakonomics",
    "stuff you should know", "the news", "bbc radio 4", "npr", "jazz fm",
    "hamilton soundtrack", "frozen soundtrack", "star wars theme", "harry potter audiobook",
    "my discover weekly", "my liked songs", "focus playlist", "road trip playlist",
    "something relaxing", "something upbeat", "piano covers", "acoustic guitar",
    "hotel california", "imagine", "wonderwall", "purple rain", "thriller",
    "billie jean", "yesterday", "let it be", "clair de lune", "the four seasons",
)

MESSAGES: tuple[str, ...] = (
    "dinner is ready", "time to leave for school", "the movie is starting",
    "come downstairs please", "lights out in ten minutes",
)

_TIMER_COMMAND_VERBS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("turn off the {}", _LIGHT_NOUNS + ("tv", "fan", "heater", "coffee maker")),
    ("turn on the {}", _LIGHT_NOUNS + ("fan", "heater", "sprinklers", "dishwasher")),
    ("close the {}", ("garage door", "blinds", "curtains", "gate")),
    ("open the {}", ("garage door", "blinds", "curtains", "gate")),
    ("pause the {}", ("music", "movie", "tv")),
    ("stop the {}", ("music", "vacuum", "sprinklers")),
    ("lock the {}", ("front door", "back door", "garage")),
)

DURATION_PHRASES: tuple[str, ...] = (
    "half an hour", "an hour and a half", "a quarter of an hour", "a minute and a half",
    "half a minute", "an hour", "a minute", "a couple of minutes", "a few minutes",
    "two and a half minutes", "three quarters of an hour",
)

WHEN_PHRASES: tuple[str, ...] = (
    "today", "tomorrow", "tonight", "this morning", "this afternoon", "this evening",
    "this weekend", "next week", "later", "later today", "right now", "tomorrow morning",
    "tomorrow night", "on the weekend", "over the next few days", "for the week",
)

WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)
MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)

CONCEPTS: tuple[str, ...] = (
    "photosynthesis", "gravity", "inflation", "black holes", "the stock market", "democracy",
    "machine learning", "a neural network", "climate change", "the big bang", "evolution",
    "dna", "the immune system", "blockchain", "a mortgage", "compound interest", "entropy",
    "relativity", "quantum mechanics", "a recession", "the internet", "a sonnet", "irony",
    "stoicism", "existentialism", "the renaissance", "the french revolution", "the cold war",
    "socialism", "capitalism", "a haiku", "an api", "python", "javascript", "an algorithm",
    "the pythagorean theorem", "calculus", "a prime number", "pi", "the golden ratio",
    "osmosis", "plate tectonics", "a volcano", "the ozone layer", "a supernova",
    "dark matter", "the placebo effect", "cognitive dissonance", "mindfulness",
    "intermittent fasting", "a credit score", "an index fund", "a roth ira", "bitcoin",
    "the electoral college", "the supreme court", "a filibuster", "the gdp", "supply and demand",
    "impressionism", "cubism", "jazz", "opera", "the blues", "baroque music", "a sonata",
    "the scientific method", "an atom", "a molecule", "an enzyme", "a vaccine", "antibiotics",
    "a virus", "bacteria", "the mitochondria", "the water cycle", "the carbon cycle",
    "a leap year", "daylight saving time", "time zones", "the equinox", "a solar eclipse",
    "the northern lights", "a rainbow", "a hurricane", "el nino", "the jet stream",
    "a heat pump", "an electric motor", "a transistor", "wifi", "bluetooth", "a smart home",
    "a thermostat", "an led", "solar panels", "nuclear fusion", "a lithium battery",
)

CONCEPT_PAIRS: tuple[tuple[str, str], ...] = (
    ("a virus", "bacteria"), ("weather", "climate"), ("a crocodile", "an alligator"),
    ("affect", "effect"), ("stocks", "bonds"), ("a latte", "a cappuccino"),
    ("baking soda", "baking powder"), ("a tornado", "a hurricane"), ("ram", "storage"),
    ("a roth ira", "a traditional ira"), ("socialism", "communism"), ("a frog", "a toad"),
    ("jam", "jelly"), ("a lake", "a pond"), ("speed", "velocity"), ("a meteor", "a comet"),
    ("who", "whom"), ("ac", "dc"), ("an llc", "a corporation"), ("a moth", "a butterfly"),
    ("mass", "weight"), ("a psychologist", "a psychiatrist"), ("a violin", "a viola"),
    ("python", "java"), ("england", "great britain"), ("a clock", "a timer"),
)

PEOPLE_FAMOUS: tuple[str, ...] = (
    "albert einstein", "marie curie", "isaac newton", "ada lovelace", "alan turing",
    "cleopatra", "julius caesar", "napoleon", "abraham lincoln", "nelson mandela",
    "mahatma gandhi", "martin luther king", "frida kahlo", "leonardo da vinci",
    "michelangelo", "vincent van gogh", "pablo picasso", "william shakespeare",
    "jane austen", "charles dickens", "mark twain", "toni morrison", "gabriel garcia marquez",
    "homer", "plato", "aristotle", "confucius", "genghis khan", "queen victoria",
    "winston churchill", "amelia earhart", "neil armstrong", "galileo", "nikola tesla",
    "thomas edison", "charles darwin", "sigmund freud", "beethoven", "mozart",
    "the beatles", "serena williams", "pele", "muhammad ali", "steve jobs", "rosa parks",
    "joan of arc", "marco polo", "simon bolivar", "catherine the great", "hypatia",
)

HOWTO_TASKS: tuple[str, ...] = (
    "make sourdough bread", "tie a tie", "change a flat tire", "cook rice",
    "write a cover letter", "learn to code", "lose weight", "sleep better",
    "start a vegetable garden", "save money", "invest in stocks", "meditate",
    "get rid of fruit flies", "remove a wine stain", "unclog a drain", "fold a fitted sheet",
    "make friends as an adult", "negotiate a raise", "train a puppy", "brew kombucha",
    "fix a leaky faucet", "boil an egg", "make pancakes", "write a haiku", "learn guitar",
    "speak in public", "stop procrastinating", "get better at chess", "draw a cat",
    "back up my phone", "make cold brew", "clean a cast iron pan", "remember names",
    "calm down when anxious", "plan a road trip", "study for an exam", "knit a scarf",
    "grow tomatoes", "patch drywall", "make a budget", "apologize to a friend",
    "set up a fish tank", "wire a light switch", "pick a good watermelon", "juggle",
)

TOPICS: tuple[str, ...] = (
    "space travel", "the ocean", "dinosaurs", "artificial intelligence", "friendship",
    "the moon", "autumn", "a lost cat", "a robot who learns to love", "the city at night",
    "coffee", "pirates", "dragons", "time travel", "my grandmother", "the mountains",
    "a rainy day", "chess", "the olympics", "ancient egypt", "the roman empire", "jazz",
    "climate change", "social media", "video games", "electric cars", "the future",
    "a haunted house", "a talking dog", "summer vacation", "first love", "the stars",
    "the human brain", "bees", "octopuses", "cats", "dogs", "penguins", "the desert",
    "a lighthouse keeper", "a small bakery", "a detective", "a wizard", "the last tree on earth",
    "remote work", "tiny houses", "minimalism", "philosophy", "math", "poetry", "music",
)

DEVICE_NOUNS: tuple[str, ...] = (
    "light bulb", "thermostat", "microwave", "refrigerator", "television", "radio",
    "telephone", "vacuum cleaner", "air conditioner", "washing machine", "dishwasher",
    "smoke detector", "solar panel", "heat pump", "electric kettle", "induction stove",
    "lock", "garage door opener", "smart speaker", "robot vacuum", "ceiling fan", "toaster",
    "battery", "wifi router", "led", "fridge", "blender", "laser", "clock", "timer",
)

WEATHER_PHENOMENA: tuple[str, ...] = (
    "thunderstorms", "lightning", "hurricanes", "tornadoes", "snow", "hail", "fog",
    "rainbows", "monsoons", "droughts", "heat waves", "wind", "clouds", "frost", "tides",
    "earthquakes", "the seasons", "the northern lights", "acid rain", "smog",
)

COUNTRIES: tuple[str, ...] = (
    "france", "japan", "brazil", "canada", "kenya", "australia", "india", "mexico", "egypt",
    "norway", "peru", "vietnam", "germany", "italy", "spain", "portugal", "greece", "turkey",
    "iceland", "argentina", "chile", "south korea", "thailand", "morocco", "nigeria",
    "new zealand", "ireland", "scotland", "switzerland", "sweden", "poland", "ukraine",
)

LANGUAGES: tuple[str, ...] = (
    "spanish", "french", "german", "italian", "japanese", "mandarin", "portuguese",
    "korean", "arabic", "russian", "hindi", "dutch", "swedish", "greek", "turkish",
    "polish", "swahili", "latin", "hebrew", "vietnamese",
)

PHRASES: tuple[str, ...] = (
    "good morning", "thank you very much", "where is the train station", "i love you",
    "how much does this cost", "nice to meet you", "happy birthday", "excuse me",
    "the bill please", "i'm lost", "see you tomorrow", "cheers", "i don't understand",
    "can i have a coffee", "good night", "welcome", "congratulations",
)

MEDIA_KINDS: tuple[str, ...] = (
    "book", "novel", "movie", "documentary", "podcast", "tv series", "board game",
    "video game", "album", "anime", "comedy", "thriller", "mystery novel", "biography",
    "horror movie", "sci-fi book", "fantasy series", "poem", "cookbook", "history book",
)

WRITING_KINDS: tuple[str, ...] = (
    "poem", "story", "haiku", "song", "limerick", "short story", "rap", "bedtime story",
    "speech", "toast", "riddle", "joke", "essay", "sonnet", "fairy tale", "dialogue",
)

WRITING_TASKS: tuple[str, ...] = (
    "write an email to my boss", "draft a complaint letter", "plan my week",
    "come up with a name for my band", "write a birthday message for my sister",
    "prepare for a job interview", "understand my electricity bill", "outline an essay",
    "pick a gift for my dad", "brainstorm dinner ideas", "learn some french",
    "practice my spanish", "write a wedding toast", "fix this sentence",
    "make a workout plan", "plan a trip to italy", "choose a laptop",
    "name my new puppy", "write a product description", "summarize an article",
    "decide what to watch tonight", "improve my resume", "write a thank you note",
)

MOODS: tuple[str, ...] = (
    "bored", "tired", "sad", "happy", "stressed", "lonely", "excited", "nervous", "hungry",
    "anxious", "sleepy", "grumpy", "overwhelmed", "curious", "confused", "proud",
)

FOODS: tuple[str, ...] = (
    "an avocado", "a banana", "a slice of pizza", "a glass of wine", "an egg", "a bagel",
    "a cup of rice", "a big mac", "a can of coke", "an apple", "a croissant",
    "a tablespoon of olive oil", "a bowl of oatmeal", "a beer", "a donut",
)

QUESTION_FACTS: tuple[str, ...] = (
    "the capital of {country}", "the population of {city}", "the tallest mountain in the world",
    "the longest river in africa", "the speed of light", "the biggest animal on earth",
    "the boiling point of water", "the distance to the moon", "the oldest city in the world",
    "the national dish of {country}", "the currency of {country}",
)

EXTRA_TEMPLATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "edge_timer_start": ("timer", (
        "[<timer_set>] [a|an] {duration} timer [for [the] {timer_name}]",
        "(<timer_set>|give me) [a|an] timer for {duration}",
        "(remind|tell|alert|notify) me in {duration} [to {todo_item}]",
        "(countdown|count down) [from] {duration}",
        "timer {duration}",
        "{timer_name} timer [for] {duration}",
        "(set|start) [a|an] {timer_name} timer",
        "(set|create) an alarm (for|at) {clock_time}",
        "wake me up (at|in) ({clock_time}|{duration})",
        "let me know (in|after) {duration}",
    )),
    "edge_timer_manage": ("timer", (
        "(how much|how long) (time is left|is left|until it's done|until it goes off) on [the|my] [{timer_name}] timer",
        "(check|show) [on] [the|my] [{timer_name}] timer[s]",
        "(stop|end|delete|clear|turn off|dismiss|silence) [the|my] [{timer_name}] (timer|alarm)",
        "(pause|freeze|hold) [the|my] [{timer_name}] timer",
        "(resume|continue|restart) [the|my] [{timer_name}] timer",
        "(add|put) {duration} (on|to) [the|my] [{timer_name}] timer",
        "(take|subtract|remove) {duration} (off|from) [the|my] [{timer_name}] timer",
        "(snooze|cancel|turn off) [the|my] alarm",
        "what timers (are running|do I have)",
    )),
    "edge_time_now": ("time", (
        "(what's|what is|tell me|give me) the time [(right now|now|please|at the moment|currently)]",
        "(can|could|would) you tell me (the time|what time it is)",
        "time [(please|check)]",
        "what time is it (in|over in) {city}",
        "(current|local) time [in {city}]",
        "is it (already|past|after) {clock_time}",
        "what o'clock is it",
        "(is it|it's) (morning|afternoon|evening|night) (yet|already|now)",
        "have you (got|the) time",
        "(the|current) time [please]",
    )),
    "edge_time_date": ("time", (
        "(what's|what is|tell me) (the date|today's date|the day) [today]",
        "what (day|date) is (it|today) [today]",
        "(what's|what is|tell me) the day of the (week|month)",
        "what (year|month) is it",
        "is (it|today) {weekday} [today]",
        "what('s| is) the date (tomorrow|on {weekday})",
        "what (day|date) (was|is|will be) (yesterday|tomorrow)",
        "which (day|month|year) (is it|are we in)",
        "what week (is it|of the year is this)",
        "(can|could) you tell me (the date|what day it is|what today is)",
        "what is today",
        "today is what (day|date)",
        "(is it|are we) (still|in) {month} [(already|yet)]",
        "(the|today's|current) date [please]",
    )),
    "edge_weather": ("weather", (
        "(what's|what is) the (weather|forecast) [(like|going to be)] [in {city}] [{when}]",
        "(will it|is it going to) (rain|snow|be sunny|be cloudy|be windy|be hot|be cold|storm) [in {city}] [{when}]",
        "(how|what) (hot|cold|warm|windy|humid) (is it|will it be|is it going to be) [(outside|out)] [in {city}] [{when}]",
        "(what's|what is) the temperature (outside|out there|in {city}) [{when}]",
        "(do|will) I need (an umbrella|a coat|sunscreen|a sweater|boots) [{when}]",
        "(weather|forecast) [for] [{city}] [{when}]",
        "(give me|tell me|read me) the [weather] forecast [for {city}] [{when}]",
        "(what's|what is) the (high|low|chance of rain|humidity|wind speed) [in {city}] [{when}]",
        "(is there|are we getting) [any] (rain|snow|storms|sunshine|wind) [{when}]",
        "how's the weather [looking] [in {city}] [{when}]",
    )),
    "edge_device": ("device", (
        "(dim|brighten) [the] {light_name} [to {percent}]",
        "(shut|switch|flip|power|turn) (off|on) [the] {device_name} [in the {area}]",
        "(set|put|change|adjust) the (thermostat|heat|heating|ac|temperature) to {temperature_value}",
        "(raise|lower|increase|decrease) the (temperature|heat|ac|volume|brightness) [in the {area}]",
        "(lock|unlock) the {lock_name}",
        "(open|close|raise|lower) the {cover_name} [(halfway|all the way)]",
        "(skip|next) [(song|track)]",
        "(turn|crank) (it|the music|the volume) (up|down)",
        "(play|put on) {search_query} [(in|on) the {media_name}]",
        "(start|run|stop) the {vacuum_name}",
        "make (it|the {area}) (warmer|cooler|brighter|darker)",
        "(everything|all the lights) off [in the {area}]",
    )),
    "edge_list": ("list", (
        "(we need|we're out of|I need|get|grab) [some] [more] {shopping_item}",
        "(buy|pick up) {shopping_item} [on the way home]",
        "(what's|what is) on [my|the] [{todo_name}|shopping] list",
        "(read|show|open) [me] [my|the] ({todo_name}|shopping|grocery) list",
        "(write down|note|remember|jot down) {shopping_item} (for|on) [the|my] ({todo_name}|shopping|grocery) list",
        "(remove|delete|take) {shopping_item} (from|off) [the|my] (shopping|grocery) list",
        "(mark|tick|check off) {todo_item} [as (done|complete|finished)] [on [my] {todo_name} list]",
        "add {todo_item} to [my] (to do|to-do|todo|{todo_name}) list",
        "(put|add) {shopping_item} (and|plus) {shopping_item} on [the|my] (shopping|grocery) list",
        "is {shopping_item} on [my|the] [shopping] list",
        "(clear|empty) [my|the] ({todo_name}|shopping) list",
    )),
}
"""Templates beyond home-assistant-intents for phrasings it lacks. hassil syntax,
with the HA expansion rules (``<what_is>``...) and the pools below as lists."""

CHAT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "chat_define": (
        "(what is|what's|what are|define|explain|describe) {concept}",
        "(can you explain|tell me about|teach me about|help me understand) {concept}",
        "how does {concept} work",
        "explain {concept} (simply|like I'm five|in one sentence|in simple terms)",
    ),
    "chat_people": (
        "(who (is|was)|tell me about) {famous_person}",
        "what did {famous_person} (do|invent|write|discover)",
        "what (is|was) {famous_person} (famous|known) for",
        "when (was {famous_person} born|did {famous_person} (die|live))",
    ),
    "chat_howto": (
        "how (do|can|should) (I|you|we) {howto}",
        "(what's|what is) the best way to {howto}",
        "(give me|any) tips (on how|for how) to {howto}",
        "(teach me|show me) how to {howto}",
        "I want to {howto}, where do I start",
    ),
    "chat_why": (
        "why is the (sky blue|sea salty|grass green|moon sometimes visible during the day)",
        "why are (leaves green|the stars so far away|flamingos pink|there so many languages)",
        "why do (cats purr|we dream|we yawn|birds migrate|onions make you cry|leaves change color)",
        "why does (ice float|the moon change shape|bread rise|coffee wake you up|time seem to fly)",
        "what causes {weather_phenomenon}",
        "how (do|does) {weather_phenomenon} (form|happen|work)",
    ),
    "chat_create": (
        "(write|compose|make up|create) [me] a {writing_kind} about {topic}",
        "tell me a (story|joke|riddle|fun fact|poem) [about {topic}]",
        "(give me|suggest|brainstorm) [(some|five|ten|three)] (ideas|names|titles) for {topic}",
    ),
    "chat_opinion": (
        "what do you think (about|of) {topic}",
        "(do you like|what's your opinion on|how do you feel about) {topic}",
        "is {concept} (good|bad|overrated|worth it|dangerous)",
        "which is better, {concept_or}",
    ),
    "chat_compare": (
        "(what's|what is) the difference between {concept_pair}",
        "how do {concept_pair} differ",
        "(compare|contrast) {concept_pair}",
        "{concept_versus}",
    ),
    "chat_recommend": (
        "(recommend|suggest) [me] a [good] {media_kind}",
        "what (should I|can I) (cook|make|eat|have) for (dinner|lunch|breakfast) [tonight|today]",
        "(any|got any) (good )?{media_kind} recommendations",
        "what's a good {media_kind} about {topic}",
    ),
    "chat_help": (
        "(can|could) you help me {writing_task}",
        "I need (help|a hand|some help) to {writing_task}",
        "help me {writing_task}",
    ),
    "chat_translate": (
        "(translate|how do you say) {phrase} (in|into) {language}",
        "what does {phrase} mean in {language}",
        "(how do I|how would you) say {phrase} in {language}",
    ),
    "chat_facts": (
        "(what's|what is) {fact}",
        "how (many|much) (calories|protein|sugar) (is|are) in {food}",
        "how far is {city} from {city}",
        "(what|which) language do they speak in {country}",
        "(tell me|what do you know) about {country}",
        "(what's|what is) {country} (famous|known) for",
        "is {food} (healthy|bad for you|good for you)",
        "(who invented|when was the first|what's the history of the) {device_noun} [invented]",
        "how does a {device_noun} work",
    ),
    "chat_social": (
        "(hi|hello|hey) [there] [, how are you]",
        "how (are you|is your day going|have you been) [today]",
        "(what's|what is) your (name|favorite color|favorite movie|favorite food)",
        "are you (a robot|human|real|conscious|smart|happy)",
        "(I'm|I am|I feel) [so|really|kind of] {mood} [today|right now]",
        "(thank you|thanks) [so much] [for the help]",
        "(good night|good morning|see you later|bye)",
        "(do you|can you) (dream|feel|think|love|sleep)",
        "what can you do",
        "(let's|can we) (chat|talk) [about {topic}]",
        "(I|we) had a (great|terrible|long|weird) day",
    ),
}

CORPUS_PACKAGE = "chatterbot-corpus"
CORPUS_SKILL_WORDS = re.compile(
    r"\b(time|timer|timers|alarm|clock|date|today|tomorrow|weather|forecast|rain|snow|sunny|"
    r"temperature|degrees|turn on|turn off|switch|light|lights|lamp|volume|music|play|"
    r"shopping|list|buy|remind|reminder|minutes?|hours?|seconds?)\b",
    re.IGNORECASE,
)
"""Corpus lines with these words are left out: they may belong to a skill label."""

CHAT_CORPUS_WEIGHT = 8.0
QUESTION_STARTS = (
    "what", "whats", "what's", "how", "is", "are", "when", "where", "which", "who", "do",
    "does", "will", "was", "were", "did", "why", "can", "could", "would", "should", "any",
)
POLITE_PREFIXES = ("please", "can you", "could you", "would you", "hey", "ok")
IMPERATIVE_VERBS = frozenset((
    "turn", "switch", "set", "start", "stop", "add", "put", "open", "close", "tell", "give",
    "play", "pause", "resume", "remind", "cancel", "make", "change", "dim", "brighten", "lock",
    "unlock", "mute", "unmute", "skip", "read", "show", "check", "mark", "remove", "delete",
    "create", "raise", "lower", "increase", "decrease", "activate", "deactivate", "write",
    "explain", "help", "recommend", "suggest", "translate", "wake", "let", "vacuum", "clean",
    "return", "send", "run", "lift", "shut", "buy", "get", "grab", "pick", "note", "jot",
))

# fmt: on

Pool = Callable[[random.Random], str]


@dataclass(frozen=True)
class Template:
    """A parsed sentence with what it needs to be rendered."""

    sentence: Sentence
    rules: Mapping[str, Sentence]
    lists: Mapping[str, SlotList]
    name_domains: tuple[str, ...] = ()


@dataclass
class Source:
    """A group of sentences drawn for one label: one HA intent, one extra group, or the corpus."""

    key: str
    label: str
    weight: float
    templates: tuple[Template, ...] = ()
    texts: tuple[str, ...] = ()
    misses: int = 0

    def draw(self, rng: random.Random, pools: Mapping[str, Pool]) -> str:
        if self.texts:
            return rng.choice(self.texts)
        template = rng.choice(self.templates)
        return render(template, rng, pools)


def _choice(values: tuple[str, ...]) -> Pool:
    return lambda rng: rng.choice(values)


def _number_words(value: int) -> str:
    words = get_rbnf_engine(LANGUAGE).format_number(value).text_by_ruleset["spellout-cardinal"]
    return words


def _number(rng: random.Random, value: int, p_words: float = 0.4) -> str:
    if rng.random() < p_words:
        words = _number_words(value)
        return words.replace("-", " ") if rng.random() < 0.3 else words
    return str(value)


def _count_with_unit(rng: random.Random, value: int, unit: str, abbreviations: tuple[str, ...]) -> str:
    if value == 1 and rng.random() < 0.6:
        return rng.choice(("a", "one", "1")) + " " + unit
    number = _number(rng, value)
    if rng.random() < 0.15:
        return f"{number} {rng.choice(abbreviations)}"
    return f"{number} {unit}s"


COMMON_MINUTES = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 35, 40, 45, 50, 90)
COMMON_TIMER_VALUES: dict[str, tuple[int, ...]] = {
    "timer_hours": (1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 24),
    "timer_minutes": COMMON_MINUTES,
    "timer_seconds": (5, 10, 15, 20, 30, 40, 45, 50, 60, 90),
}


def duration(rng: random.Random) -> str:
    """A spoken duration such as "ten minutes" or "2 hours and 5 minutes"."""
    kind = rng.random()
    if kind < 0.08:
        return rng.choice(DURATION_PHRASES)
    if kind < 0.55:
        minutes = rng.choice(COMMON_MINUTES) if rng.random() < 0.7 else rng.randint(1, 120)
        return _count_with_unit(rng, minutes, "minute", ("min", "mins"))
    if kind < 0.7:
        seconds = rng.choice((10, 15, 20, 30, 40, 45, 60, 90)) if rng.random() < 0.7 else rng.randint(5, 120)
        return _count_with_unit(rng, seconds, "second", ("sec", "secs"))
    if kind < 0.8:
        return _count_with_unit(rng, rng.randint(1, 12), "hour", ("hr", "hrs"))
    hours = _count_with_unit(rng, rng.randint(1, 5), "hour", ("hr", "hrs"))
    minutes = _count_with_unit(rng, rng.randint(1, 59), "minute", ("min", "mins"))
    if rng.random() < 0.2:
        seconds = _count_with_unit(rng, rng.randint(1, 59), "second", ("sec", "secs"))
        return f"{hours} {minutes} and {seconds}"
    return f"{hours}{rng.choice((' and ', ' '))}{minutes}"


def clock_time(rng: random.Random) -> str:
    hour = rng.randint(1, 12)
    minute = rng.choice((0, 0, 0, 15, 30, 45, rng.randint(0, 59)))
    suffix = rng.choice(("", " am", " pm", " a.m.", " p.m.", " in the morning", " tonight"))
    style = rng.random()
    if minute == 0 and style < 0.3:
        return f"{_number(rng, hour)} o'clock{suffix if 'm' not in suffix else ''}"
    if minute == 0 and style < 0.5:
        return "noon" if rng.random() < 0.5 else "midnight"
    if minute == 30 and style < 0.7:
        return f"half past {_number(rng, hour)}"
    if minute == 15 and style < 0.7:
        return f"quarter past {_number(rng, hour)}"
    if minute == 0:
        return f"{hour}{suffix}"
    return f"{hour}:{minute:02d}{suffix}"


def when(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(("on {}", "{}", "{} morning", "{} night")).format(rng.choice(WEEKDAYS))
    return rng.choice(WHEN_PHRASES)


def temperature_value(rng: random.Random) -> str:
    value = rng.choice((rng.randint(16, 26), rng.randint(60, 78)))
    return rng.choice((str(value), f"{value} degrees", _number_words(value), f"{_number_words(value)} degrees"))


def percent(rng: random.Random) -> str:
    value = rng.choice((10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100, rng.randint(1, 100)))
    return rng.choice((f"{value}%", f"{value} percent", f"{_number_words(value)} percent"))


def timer_command(rng: random.Random) -> str:
    pattern, targets = rng.choice(_TIMER_COMMAND_VERBS)
    target = rng.choice(targets)
    if rng.random() < 0.4:
        target = f"{rng.choice(ROOMS)} {target}"
    return pattern.format(target)


def _device_names() -> dict[str, tuple[str, ...]]:
    lights = tuple(f"{place} {noun}" for place in _LIGHT_PLACES for noun in _LIGHT_NOUNS)
    return {
        "light": lights,
        "switch": _SWITCHES,
        "input_boolean": _SWITCHES,
        "fan": _FANS,
        "cover": _COVERS,
        "valve": _VALVES,
        "lock": _LOCKS,
        "climate": _CLIMATE,
        "media_player": _MEDIA_PLAYERS,
        "vacuum": _VACUUMS,
        "lawn_mower": _MOWERS,
        "scene": _SCENES,
        "script": _SCRIPTS,
        "button": _BUTTONS,
        "input_button": _BUTTONS,
        "sensor": _SENSORS,
        "binary_sensor": _BINARY_SENSORS,
        "person": PEOPLE,
        "weather": CITIES,
        "todo": TODO_LIST_NAMES,
    }


DEVICE_NAMES: dict[str, tuple[str, ...]] = _device_names()
ANY_DEVICE_DOMAINS: tuple[str, ...] = ("light", "light", "switch", "fan", "cover", "lock", "climate", "media_player", "vacuum")


def build_pools() -> dict[str, Pool]:
    """Values for every list a template may reference, HA wildcards and areas included."""
    all_devices = (
        tuple(name for domain in ("switch", "fan", "media_player", "climate", "vacuum") for name in DEVICE_NAMES[domain])
        + DEVICE_NAMES["light"][::4]
    )
    return {
        "area": _choice(ROOMS),
        "floor": _choice(FLOORS),
        "zone": _choice(ZONES),
        "message": _choice(MESSAGES),
        "search_query": _choice(SEARCH_QUERIES),
        "timer_name": _choice(TIMER_NAMES),
        "timer_command": timer_command,
        "shopping_list_item": _choice(SHOPPING_ITEMS),
        "todo_list_item": _choice(TODO_ITEMS),
        "duration": duration,
        "clock_time": clock_time,
        "when": when,
        "weekday": _choice(WEEKDAYS),
        "month": _choice(MONTHS),
        "city": _choice(CITIES),
        "percent": percent,
        "temperature_value": temperature_value,
        "todo_item": _choice(TODO_ITEMS),
        "todo_name": _choice(TODO_LIST_NAMES),
        "shopping_item": _choice(SHOPPING_ITEMS),
        "light_name": _choice(DEVICE_NAMES["light"]),
        "device_name": _choice(all_devices),
        "lock_name": _choice(_LOCKS),
        "cover_name": _choice(_COVERS),
        "media_name": _choice(_MEDIA_PLAYERS),
        "vacuum_name": _choice(_VACUUMS),
        "concept": _choice(CONCEPTS),
        "concept_pair": lambda rng: " and ".join(rng.choice(CONCEPT_PAIRS)),
        "concept_or": lambda rng: " or ".join(rng.choice(CONCEPT_PAIRS)),
        "concept_versus": lambda rng: rng.choice((" vs ", " versus ", " or ")).join(rng.choice(CONCEPT_PAIRS)),
        "famous_person": _choice(PEOPLE_FAMOUS),
        "howto": _choice(HOWTO_TASKS),
        "topic": _choice(TOPICS),
        "writing_kind": _choice(WRITING_KINDS),
        "writing_task": _choice(WRITING_TASKS),
        "media_kind": _choice(MEDIA_KINDS),
        "phrase": _choice(PHRASES),
        "language": _choice(LANGUAGES),
        "mood": _choice(MOODS),
        "food": _choice(FOODS),
        "country": _choice(COUNTRIES),
        "device_noun": _choice(DEVICE_NOUNS),
        "weather_phenomenon": _choice(WEATHER_PHENOMENA),
        "fact": lambda rng: rng.choice(QUESTION_FACTS).format(country=rng.choice(COUNTRIES), city=rng.choice(CITIES)),
    }


def _range_value(rng: random.Random, ref: ListReference, slot_list: RangeSlotList) -> str:
    start, stop, step = slot_list.start, slot_list.stop, slot_list.step
    if ref.list_name == "timer_hours":
        stop = min(stop, 24)
    if ref.list_name in COMMON_TIMER_VALUES and rng.random() < 0.6:
        common = [m for m in COMMON_TIMER_VALUES[ref.list_name] if start <= m <= stop]
        value = rng.choice(common) if common else rng.randrange(start, stop + 1, step)
    else:
        value = rng.randrange(start, stop + 1, step)
    if slot_list.fraction_type is not None and value < stop and rng.random() < 0.15:
        return f"{value}.5"
    p_words = 0.0 if not slot_list.words else (1.0 if not slot_list.digits else 0.4)
    return _number(rng, value, p_words)


def _expand(expr: Expression, template: Template, rng: random.Random, pools: Mapping[str, Pool]) -> str:
    """Walk a hassil expression choosing one branch at random.

    hassil.sample.sample_expression enumerates the full product in template order
    (HassGetState alone expands to over a million skeletons before any slot value), so a
    cap on it keeps only the first alternatives; one random walk per sentence does not.
    """
    if isinstance(expr, TextChunk):
        return expr.original_text
    if isinstance(expr, Alternative):
        return _expand(rng.choice(expr.items), template, rng, pools)
    if isinstance(expr, Permutation):
        items = list(expr.items)
        rng.shuffle(items)
        return " ".join(_expand(item, template, rng, pools) for item in items)
    if isinstance(expr, Sequence):
        return "".join(_expand(item, template, rng, pools) for item in expr.items)
    if isinstance(expr, RuleReference):
        return _expand(template.rules[expr.rule_name].expression, template, rng, pools)
    if isinstance(expr, ListReference):
        return _list_value(expr, template, rng, pools)
    raise TypeError(f"unexpected hassil expression {type(expr).__name__}")


def _list_value(ref: ListReference, template: Template, rng: random.Random, pools: Mapping[str, Pool]) -> str:
    if ref.is_inline_range:
        bounds = ref.get_inline_range()
        assert bounds is not None
        return _number(rng, rng.randrange(bounds[0], bounds[1] + 1, bounds[2]))
    if ref.list_name == "name":
        domain = rng.choice(template.name_domains or ANY_DEVICE_DOMAINS)
        return rng.choice(DEVICE_NAMES.get(domain) or DEVICE_NAMES["switch"])
    if ref.list_name in pools:
        return pools[ref.list_name](rng)
    slot_list = template.lists.get(ref.list_name)
    if isinstance(slot_list, TextSlotList):
        value = rng.choice(slot_list.values)
        return _expand(value.text_in, template, rng, pools)
    if isinstance(slot_list, RangeSlotList):
        return _range_value(rng, ref, slot_list)
    if isinstance(slot_list, WildcardSlotList):
        raise KeyError(f"no value pool for wildcard list {{{ref.list_name}}}")
    raise KeyError(f"no values for list {{{ref.list_name}}}")


def render(template: Template, rng: random.Random, pools: Mapping[str, Pool]) -> str:
    text = _expand(template.sentence.expression, template, rng, pools)
    return normalize_whitespace(text).strip().replace(" ,", ",")


def _domains(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return ()


def load_intents() -> Intents:
    raw = get_intents(LANGUAGE)
    if raw is None:
        raise RuntimeError("home-assistant-intents has no English templates")
    return Intents.from_dict(raw)


def ha_sources(intents: Intents) -> list[Source]:
    """One Source per English HA intent named in HA_INTENT_LABELS."""
    sources = []
    for name, intent in intents.intents.items():
        label = HA_INTENT_LABELS.get(name)
        if label is None:
            continue
        templates = []
        for data in intent.data:
            domains = (
                _domains(data.requires_context.get("domain"))
                or _domains(data.slots.get("domain"))
                or NAME_DOMAINS_BY_INTENT.get(name, ())
            )
            rules = {**intents.expansion_rules, **data.expansion_rules}
            lists = {**intents.slot_lists, **data.slot_lists}
            templates.extend(Template(s, rules, lists, domains) for s in data.sentences)
        sources.append(Source(name, label, HA_INTENT_WEIGHTS.get(name, 1.0), tuple(templates)))
    missing = sorted(set(HA_INTENT_LABELS) - {s.key for s in sources})
    if missing:
        raise RuntimeError(f"intents missing from home-assistant-intents: {missing}")
    return sources


def template_sources(intents: Intents, groups: Mapping[str, tuple[str, tuple[str, ...]]]) -> list[Source]:
    """Sources for templates written here; they may use HA's expansion rules and lists."""
    sources = []
    for key, (label, texts) in groups.items():
        templates = tuple(Template(parse_sentence(t), intents.expansion_rules, intents.slot_lists) for t in texts)
        sources.append(Source(key, label, 1.0, templates))
    return sources


def corpus_lines() -> tuple[str, ...]:
    """First turns of chatterbot-corpus's English conversations, minus skill-like lines."""
    try:
        root = importlib.resources.files("chatterbot_corpus") / "data" / "english"
    except ModuleNotFoundError as err:
        raise ImportError(f"the chat corpus needs `pip install --no-deps {CORPUS_PACKAGE}`") from err
    lines: dict[str, None] = {}
    for path in sorted((p for p in root.iterdir() if p.name.endswith(".yml")), key=lambda p: p.name):
        for conversation in yaml.safe_load(path.read_text(encoding="utf-8")).get("conversations", []):
            text = " ".join(str(conversation[0]).split())
            if 2 <= len(text.split()) <= 30 and not CORPUS_SKILL_WORDS.search(text):
                lines.setdefault(text, None)
    return tuple(lines)


def all_sources(include_extra: bool = True) -> list[Source]:
    intents = load_intents()
    sources = ha_sources(intents)
    if include_extra:
        sources += template_sources(intents, EXTRA_TEMPLATES)
    sources += template_sources(intents, {key: ("chat", texts) for key, texts in CHAT_TEMPLATES.items()})
    sources.append(Source("chatterbot-corpus", "chat", CHAT_CORPUS_WEIGHT, texts=corpus_lines()))
    return sources


def augment(text: str, rng: random.Random) -> str:
    """Politeness words (HA's skip words), casing and end punctuation, at low rates."""
    first = text.split(" ", 1)[0].lower()
    is_question = first in QUESTION_STARTS
    if not is_question and rng.random() < 0.12:
        prefixes = POLITE_PREFIXES if first in IMPERATIVE_VERBS else ("please", "hey", "ok")
        text = f"{rng.choice(prefixes)} {text}"
    elif not is_question and rng.random() < 0.06:
        text = f"{text} {rng.choice(('please', 'for me'))}"
    if rng.random() < 0.3:
        text = text[:1].upper() + text[1:]
    if text[-1:].isalnum() and rng.random() < 0.3:
        text += "?" if is_question else rng.choice((".", "!"))
    return text


def normalise(text: str) -> str:
    """The key under which two sentences count as the same."""
    return " ".join(re.sub(r"[^\w' ]", " ", text.casefold()).split())


def generate_with_sources(
    seed: int = 0, per_label: int = DEFAULT_PER_LABEL, include_extra: bool = True
) -> list[tuple[str, str, str]]:
    """Like generate, with the key of the Source each row came from (HA intent, template group or corpus)."""
    rng = random.Random(seed)
    pools = build_pools()
    sources = all_sources(include_extra)
    seen: set[str] = set()
    rows: list[tuple[str, str, str]] = []
    for label in LABELS:
        active = [s for s in sources if s.label == label]
        count = 0
        while count < per_label and active:
            source = rng.choices(active, weights=[s.weight for s in active])[0]
            text = source.draw(rng, pools)
            if not source.texts:
                text = augment(text, rng)
            key = normalise(text)
            if key in seen:
                source.misses += 1
                if source.misses >= MAX_CONSECUTIVE_MISSES:
                    active.remove(source)
                continue
            source.misses = 0
            seen.add(key)
            rows.append((text, label, source.key))
            count += 1
    return rows


def generate(seed: int = 0, per_label: int = DEFAULT_PER_LABEL, include_extra: bool = True) -> list[tuple[str, str]]:
    """Up to ``per_label`` unique (text, label) rows per label, the same for the same arguments."""
    return [(text, label) for text, label, _ in generate_with_sources(seed, per_label, include_extra)]


def write_csv(rows: Iterable[tuple[str, str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("text", "label"))
        writer.writerows(rows)


def read_csv(path: Path) -> list[tuple[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [(row["text"], row["label"]) for row in csv.DictReader(handle)]


def versions() -> dict[str, str]:
    return {pkg: importlib.metadata.version(pkg) for pkg in ("hassil", "home-assistant-intents", CORPUS_PACKAGE)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="CSV to write (columns text,label)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-label", type=int, default=DEFAULT_PER_LABEL)
    parser.add_argument("--no-extra", action="store_true", help="skill sentences from home-assistant-intents only")
    args = parser.parse_args(argv)
    rows = generate(args.seed, args.per_label, include_extra=not args.no_extra)
    write_csv(rows, args.out)
    counts = {label: sum(1 for _, lab in rows if lab == label) for label in LABELS}
    print(f"{len(rows)} rows -> {args.out}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
