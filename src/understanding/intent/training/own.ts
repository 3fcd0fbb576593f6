import type { IntentFamily } from '../classifier.js';

/**
 * Texts written for training the intent classifier: texting style, with typos and shorthand, and hard negatives —
 * requests that mention days, amounts, lists or reminders but ask for something Errand does not do.
 * Written from scratch; not taken from the evaluation's held-out sets.
 */
export const OWN_TEXTS: Record<IntentFamily, string[]> = {
  reminder: [
    'remind me to take out the trash tonight', 'pls remind me abt the dentist tmrw', 'reminder to pay the water bill friday',
    'i want to be reminded to stretch at 3', "don't let me forget to call grandma sunday", 'tell me later to check the oven',
    'set up a reminder to renew the car registration', 'nudge me at 6 to start dinner', 'ping me in 20 min about the laundry',
    'can you remind me every monday to water plants', 'what reminders do i have', 'show my reminders', 'read me my reminders',
    'what did i ask you to remind me about', 'any reminders today?', 'cancel the reminder about the bills',
    'delete my gym reminder', 'done', 'snooze 10 min', 'snooze that for an hour', 'mark the reminder done',
    'stop reminding me about the meds', 'move my reminder to 5pm', 'change the reminder to tomorrow',
    'remind me on the 3rd to book flights', 'remindme 2 buy stamps', 'remember to email the landlord at noon',
    'make sure i call the insurance company tomorrow', 'remind me in an hour', 'do i have a reminder for rent',
  ],
  alarm: [
    'set an alarm for 6:30', 'wake me up at 7 tomorrow', 'alarm 5am', 'set alarm for noon', 'wake me at 6.45 pls',
    'i need an alarm at 8 on saturday', 'alarm for 7:15 weekdays', 'get me up at 5:30 tmrw', 'set a wake up call for 6',
    'what alarms do i have', 'do i have an alarm set for tomorrow', 'list my alarms', 'when is my alarm',
    'cancel my 6am alarm', 'turn off the alarm for tomorrow', 'delete all alarms', 'remove the 7:30 alarm',
    'change my alarm to 6:15', 'move the alarm to 7', 'alarm in 30 minutes', 'set an alarm in 2 hours',
  ],
  calendar: [
    'dentist appt tues 3pm', 'put lunch with sara on my calendar friday at 1', 'add meeting with bob tomorrow 10am',
    'schedule a call with the vet on monday at 4', 'book haircut saturday 11am on my calendar', 'dinner at moms sunday 6pm',
    "what's on my calendar tomorrow", 'what do i have on friday', 'am i free thursday afternoon', 'whats my day look like',
    'do i have anything tonight', 'is the dentist on my calendar', 'when is my next meeting', 'show me this week',
    'cancel the meeting with bob', 'delete my dentist appointment', 'clear my calendar tomorrow',
    'take the doctor appointment off my calendar', 'move lunch with sara to 2pm', 'push the vet to next week',
    'reschedule the call to friday', "what's next on my calendar", 'any events this weekend', 'agenda for today',
    'team standup every weekday at 9:30', 'parent teacher conference dec 10 at 5', 'add flight to denver on the 22nd 8am',
  ],
  list: [
    'add milk', 'add eggs and bread to the list', 'put oat milk on my shopping list', 'need tp', 'we need dish soap',
    'tack on a gallon of milk', 'grocery: apples, pears', 'add call the plumber to my to do list',
    'add sunscreen to my packing list', 'put nails on the hardware store list', "what's on my list", 'show the grocery list',
    'read me my shopping list', 'is milk on my list', 'do i need eggs', "what's on my to-do list", 'what lists do i have',
    'got the milk', 'check off eggs', 'remove bread from the list', 'take bananas off', 'clear the list',
    'clear checked items', 'delete my packing list', 'add 2 dozen eggs', 'pick up butter', 'buy coffee filters',
    'actually make that 4 cans', 'add detergent to the list of things i need to buy', 'start a list for the party',
  ],
  expense: [
    'spent $12 on lunch', 'lunch 14.50', 'paid 60 for gas', 'coffee $4', 'uber 23 bucks', '$85 groceries at costco',
    'log 30 dollars for dinner', 'i spent 200 on a new jacket', '2 movie tickets, $14.50 each', 'parking 8',
    'how much did i spend this week', 'how much have i spent on food this month', 'spending this month',
    'what did i spend yesterday', 'show my expenses', 'my recent expenses', 'undo', 'delete that expense',
    'actually lunch was $14.50, fix that', 'did i stay under my dinner budget', 'how much on coffee in november',
    'total spent on gas', 'rent 1500', 'dropped $45 at target', 'paid the babysitter 60',
  ],
  settings: [
    "i'm in chicago", 'my timezone is pacific', 'set my time zone to london', 'call me sam', 'my name is ana',
    'use euros', 'set currency to gbp', 'what are my settings', "what's my time zone", 'quiet hours 10pm to 7am',
    'turn off the daily agenda', 'send my agenda at 7am', 'alert me 30 min before events', 'no more event alerts',
    'i moved to berlin', 'change my timezone to est', 'stop the morning summary', 'turn on the daily agenda',
  ],
  help: [
    'help', 'what can you do', 'how does this work', 'help reminders', 'how do i add to my list', 'commands',
    'what can i ask you', 'how do i log an expense', 'help with calendar', '?', 'menu', 'info',
  ],
  chat: [
    'hi', 'hello', 'hey there', 'thanks', 'thank you!', 'ok cool', 'lol', 'good morning', 'good night', 'bye',
    'you rock', 'nice', 'perfect thanks', 'got it', 'sounds good', '👍', 'haha ok', 'ty', 'no thanks', 'nevermind',
  ],
  oos: [
    'move $5000 from checking to savings', 'send $50 to mike on venmo', 'pay my credit card bill', 'whats my bank balance',
    'transfer 200 to my brother', 'how much should i tip on $85', 'convert 20 pounds to dollars', 'whats 15% of 80',
    'who won the super bowl in 2023', 'how tall is the eiffel tower', 'what year did ww2 end', 'who is the president',
    "what's the weather today", 'will it rain tomorrow', 'weather this weekend', 'is it cold outside',
    'book a flight to chicago friday', 'book a table for 4 at 7pm', 'reserve a hotel in miami for next weekend',
    'get me an uber to the airport at 6am', 'call a taxi for tomorrow morning', 'order a pizza', 'order pad thai for delivery',
    'turn the thermostat to 70', 'turn off the lights', 'dim the bedroom lights', 'lock the front door',
    'play some jazz', 'play the new taylor swift album', 'skip this song', 'turn the volume up',
    'make a list of stocks to buy', 'what stocks should i buy', 'i need the stock price for amazon',
    'remind me of my work address', "what's my wife's phone number", 'should i run every day', 'is coffee bad for you',
    'how do i make lasagna', 'recipe for banana bread', 'how long to boil an egg', 'text my mom i am running late',
    'email my boss that i am sick', 'read my emails', 'any new messages', 'post this on facebook', 'call dad',
    'whats the news today', 'latest headlines', 'how are the lakers doing', 'what time is it in tokyo', 'what day is it',
    'tell me a joke', 'whats the meaning of life', 'how far is the moon', 'translate hello into spanish',
    'eggs are like 6 bucks now', 'gas prices are crazy', 'i hate mondays', 'need a vacation lol', 'my feet hurt',
    'what movies are playing tonight', 'recommend a good restaurant nearby', 'find a dentist near me',
    'how long is the drive to boston', 'directions to the nearest gas station', 'when does the next train leave',
    'add tom to my contacts', 'set the oven to 350', 'vacuum the living room', 'start the coffee maker',
    'what is 12 times 14', 'spell necessary', 'define serendipity',
    'is the store open on sunday', 'when does target close', 'what should i cook for dinner', 'buy tesla stock',
  ],
};
