import { withoutAccents } from '../../understanding/fold.js';
import { singularKey } from '../../understanding/words.js';

export const GROCERY_CATEGORIES = ['produce', 'dairy', 'bakery', 'meat', 'pantry', 'frozen', 'household', 'other'] as const;
export type GroceryCategory = (typeof GROCERY_CATEGORIES)[number];

/** Comma-separated entries (singular or plural, both are keyed singular). */
const WORDS: Record<Exclude<GroceryCategory, 'other'>, string> = {
  produce: `apple, banana, orange, lemon, lime, grape, strawberry, blueberry, raspberry, blackberry, berry, cherry, peach,
    pear, plum, mango, pineapple, watermelon, melon, cantaloupe, kiwi, avocado, tomato, potato, sweet potato, onion,
    red onion, garlic, ginger, carrot, celery, cucumber, lettuce, romaine, spinach, kale, arugula, cabbage, broccoli,
    cauliflower, zucchini, squash, pepper, bell pepper, jalapeno, mushroom, corn, green bean, asparagus, eggplant, radish,
    beet, leek, scallion, green onion, shallot, herb, cilantro, parsley, basil, mint, dill, rosemary, thyme, salad,
    salad mix, fruit, veggie, vegetable, grapefruit, clementine, tangerine, nectarine, apricot, fig, coconut, pomegranate,
    papaya, sprout, brussels sprout, bok choy, yam, turnip, parsnip, okra, artichoke, chive, pea, snap pea, lettuce head`,
  dairy: `milk, whole milk, skim milk, oat milk, almond milk, soy milk, 2% milk, cheese, cheddar, mozzarella, parmesan, feta,
    brie, swiss cheese, cream cheese, cottage cheese, string cheese, shredded cheese, butter, egg, yogurt, yoghurt,
    greek yogurt, cream, sour cream, heavy cream, whipping cream, whipped cream, half and half, creamer, coffee creamer,
    kefir, ghee, margarine, orange juice, oj`,
  bakery: `bread, baguette, bagel, bun, hamburger bun, hot dog bun, roll, dinner roll, croissant, muffin, tortilla, pita,
    naan, english muffin, cake, cupcake, pie, donut, doughnut, brioche, sourdough, rye bread, wrap, flatbread, cookie,
    brownie, danish, pastry, white bread, wheat bread`,
  meat: `chicken, chicken breast, chicken thigh, chicken wing, beef, ground beef, steak, pork, pork chop, bacon, ham,
    sausage, turkey, ground turkey, lamb, veal, fish, salmon, tuna steak, shrimp, prawn, crab, lobster, cod, tilapia,
    hot dog, deli meat, salami, pepperoni, prosciutto, meatball, rib, brisket, mince, tofu, lunch meat, sliced turkey`,
  pantry: `rice, pasta, spaghetti, noodle, flour, sugar, brown sugar, salt, black pepper, oil, olive oil, vegetable oil,
    vinegar, cereal, oatmeal, oat, granola, peanut butter, jam, jelly, honey, syrup, maple syrup, ketchup, mustard, mayo,
    mayonnaise, sauce, soy sauce, hot sauce, salsa, pasta sauce, tomato sauce, canned tomato, bean, black bean, chickpea,
    lentil, soup, broth, stock, coffee, tea, cracker, chip, tortilla chip, pretzel, popcorn, nut, almond, peanut, walnut,
    cashew, raisin, spice, cinnamon, paprika, cumin, oregano, baking soda, baking powder, yeast, vanilla, chocolate,
    candy, snack, granola bar, protein bar, water, sparkling water, soda, coke, pepsi, juice, apple juice, beer, wine,
    seltzer, cocoa, nutella, quinoa, couscous, breadcrumb, tuna, canned tuna, mac and cheese, ramen, dressing, ranch,
    bbq sauce, gatorade, energy drink, coffee bean, k cup, tomato paste, pickle, olive, hummus, salt and pepper, cookie dough, pancake mix`,
  frozen: `ice cream, frozen pizza, frozen vegetable, frozen pea, frozen fruit, frozen berry, ice pop, popsicle, ice,
    waffle, fish stick, frozen dinner, tater tot, fries, french fry, hash brown, sorbet, gelato`,
  household: `toilet paper, tp, paper towel, napkin, tissue, kleenex, dish soap, dishwasher detergent, detergent,
    laundry detergent, soap, hand soap, body wash, shampoo, conditioner, toothpaste, toothbrush, floss, deodorant, razor,
    trash bag, garbage bag, bin bag, ziploc, ziploc bag, foil, aluminum foil, plastic wrap, cling film, sponge, bleach,
    cleaner, windex, lysol, battery, light bulb, lightbulb, diaper, wipe, baby wipe, pad, tampon, cotton ball, q tip,
    lotion, sunscreen, dryer sheet, fabric softener, air freshener, candle, lighter, cat food, dog food, cat litter,
    litter, pet food, dog treat, vitamin, medicine, advil, tylenol, band aid, bandaid, mouthwash, dishwasher pod,
    laundry pod, tide pod, coffee filter, paper plate, plastic cup, hand sanitizer`,
};

const LOOKUP = new Map<string, GroceryCategory>();
for (const [category, list] of Object.entries(WORDS) as [GroceryCategory, string][]) {
  for (const entry of list.split(',')) {
    const key = singularKey(entry.trim());
    if (key) LOOKUP.set(key, category);
  }
}

/** Category of an item name: the whole phrase, then its longest known sub-phrase (rightmost wins: the head noun). */
export function categoryFor(name: string): GroceryCategory {
  const words = singularKey(withoutAccents(name)).split(' ').filter(Boolean);
  if (!words.length) return 'other';
  if (words[0] === 'frozen' && words.length > 1) return 'frozen';
  for (let size = words.length; size >= 1; size--) {
    for (let start = words.length - size; start >= 0; start--) {
      const found = LOOKUP.get(words.slice(start, start + size).join(' '));
      if (found) return found;
    }
  }
  return 'other';
}

/** True when the whole phrase is a known grocery item (lets a bare "milk" text mean "add milk"). */
export function isKnownItem(name: string): boolean {
  return LOOKUP.has(singularKey(withoutAccents(name)));
}
