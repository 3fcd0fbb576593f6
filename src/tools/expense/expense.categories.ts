import { foldCase, withoutAccents } from '../../understanding/fold.js';
import { singularKey } from '../../understanding/words.js';

export const EXPENSE_CATEGORIES = ['food', 'groceries', 'transport', 'housing', 'utilities', 'entertainment', 'health', 'shopping', 'travel', 'other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/** Words a person may use to name a category outright ("… for transportation"). */
const NAMES: Record<string, ExpenseCategory> = {
  food: 'food', eating: 'food', 'eating out': 'food', 'dining': 'food', 'dining out': 'food', restaurant: 'food', restaurants: 'food', meals: 'food',
  groceries: 'groceries', grocery: 'groceries', transport: 'transport', transportation: 'transport', travel: 'travel', commute: 'transport',
  housing: 'housing', home: 'housing', house: 'housing', utilities: 'utilities', utility: 'utilities', bills: 'utilities',
  entertainment: 'entertainment', fun: 'entertainment', health: 'health', medical: 'health', healthcare: 'health',
  shopping: 'shopping', clothes: 'shopping', other: 'other', misc: 'other', miscellaneous: 'other', car: 'transport',
};

const KEYWORDS: Record<Exclude<ExpenseCategory, 'other'>, string> = {
  food: `lunch, dinner, breakfast, brunch, coffee, pizza, burger, sushi, restaurant, takeout, take out, takeaway, snack, cafe,
    starbucks, mcdonalds, mcdonald's, doordash, uber eats, ubereats, grubhub, deliveroo, tacos, taco, sandwich, bagel, donut,
    tea, boba, bubble tea, meal, food, chipotle, subway sandwich, kfc, wendys, chinese, thai, indian food, ramen, pho, noodles,
    bakery, ice cream, latte, cappuccino, espresso, smoothie, juice, drinks, beer, beers, wine, cocktail, bar tab, bar, pub, pint,
    pints, lnch, lunh, brkfst, dinnr, dinne,
    food truck, croissant, pastry, cake, muffin, cookie, candy, chocolate, gum, snacks, soda, water bottle, salad, burrito, wings,
    bbq, diner, dessert, chick fil a, dunkin, tim hortons, pret, panera, five guys`,
  groceries: `groceries, grocery, supermarket, trader joes, trader joe's, whole foods, costco, aldi, kroger, safeway, tesco,
    lidl, publix, sainsburys, sainsbury's, asda, wegmans, heb, food shopping, grocery store, market, farmers market, milk,
    eggs, bread, produce`,
  transport: `uber, lyft, taxi, cab, gas, fuel, petrol, diesel, parking, bus, train, subway, metro, toll, tolls, fare,
    car wash, tram, bike, scooter, lime, bird, oil change, tires, car repair, mechanic, metrocard, oyster, clipper, ferry,
    bolt, grab, gas station, shell, chevron, exxon, bp, ev charging, charging, car insurance, dmv, registration`,
  housing: `rent, mortgage, hoa, landlord, plumber, electrician, repairs, repair, furniture, ikea, home depot, lowes,
    renovation, cleaning, cleaner, maid, property tax, home insurance, renters insurance, storage unit, deposit`,
  utilities: `electric, electricity, electric bill, power bill, water bill, water, internet, wifi, phone bill, cell phone,
    mobile, cell, gas bill, heating, utilities, utility, comcast, verizon, at&t, t mobile, xfinity, trash, sewer,
    phone plan, broadband, electric company`,
  entertainment: `movie, movies, cinema, concert, tickets, ticket, museum, netflix, spotify, hulu, disney plus, disney+, hbo,
    game, games, video game, steam, playstation, xbox, nintendo, bowling, club, show, theater, theatre, zoo, festival,
    karaoke, golf, arcade, books, book, kindle, audible, youtube premium, apple music, twitch, party, comedy show, escape room`,
  health: `doctor, dentist, pharmacy, meds, medicine, prescription, gym, therapy, therapist, hospital, vitamins, copay,
    co pay, pills, clinic, physio, chiropractor, optometrist, glasses, contacts, contact lenses, massage, yoga, pilates,
    gym membership, cvs, walgreens, boots, urgent care, vet, checkup, haircut, barber, salon`,
  shopping: `clothes, shoes, amazon, target, walmart, shirt, t shirt, jeans, jacket, gift, gifts, present, electronics,
    headphones, phone case, laptop, best buy, mall, dress, sneakers, hoodie, socks, bag, purse, makeup, cosmetics, sephora,
    jewelry, watch, toys, etsy, ebay, zara, h&m, uniqlo, nike, adidas, furniture store`,
  travel: `hotel, flight, flights, airbnb, airfare, plane ticket, plane tickets, plane, hostel, vacation, trip, luggage,
    rental car, car rental, motel, resort, cruise, visa, passport, booking, expedia, airline, baggage fee, train ticket,
    souvenir, souvenirs`,
};

const LOOKUP = new Map<string, ExpenseCategory>();
for (const [category, list] of Object.entries(KEYWORDS) as [ExpenseCategory, string][]) {
  for (const entry of list.split(',')) {
    const key = singularKey(entry.trim());
    if (key && !LOOKUP.has(key)) LOOKUP.set(key, category);
  }
}

/** A category named outright: "food", "transportation", "bills". */
export function namedCategory(word: string): ExpenseCategory | null {
  return NAMES[foldCase(word.trim())] ?? null;
}

/** Category from the description's words: longest known phrase first, the earliest on ties ("uber to the airport"). */
export function categoryForDescription(description: string): ExpenseCategory | null {
  const words = singularKey(withoutAccents(description)).split(' ').filter(Boolean);
  for (let size = Math.min(words.length, 3); size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      const found = LOOKUP.get(words.slice(start, start + size).join(' '));
      if (found) return found;
    }
  }
  return null;
}
