import { offTopic as oos, texting as t, withIds } from './cases.js';

/**
 * Written blind by a helper session that never saw Errand's rules or other case files. Mostly HARD negatives:
 * out-of-scope texts that mention times, days, amounts, lists, alarms, calendars, reminders, budgets, bookings
 * or people but ask for something Errand does not do (or ask nothing at all), in four styles: typed into an app,
 * quick phone texts with shorthand and typos, wordy polite messages, and smart-speaker transcripts (lowercase,
 * no punctuation, numbers as words). Followed by in-scope NEAR MISSES that sound off-topic but are real requests.
 * Read in the situation Mon 2026-11-30 10:00 America/New_York.
 */
export const freshNegativesCases = withIds('fresh-negatives', [
  // ───────────── out of scope: banking / transfers / balances ─────────────
  oos('banking', 'transfer $400 from checking to savings on friday'),
  oos('banking', 'whats my checking balance rn'),
  oos('banking', 'Could you move 1,200 dollars into my Roth IRA before December 31st? I want to max it out for the year.'),
  oos('banking', 'how much money is in my savings account'),
  oos('banking', 'venmo sam 25 for lunch friday'),
  oos('banking', 'did my paycheck hit yet?? its supposed to come on the 1st'),
  oos('banking', 'I think someone used my card at a gas station yesterday for $40. Can you freeze my debit card until I sort it out?'),
  oos('banking', 'send $50 to my sister on zelle'),
  oos('banking', 'what is my credit card balance'),
  oos('banking', 'set up a recurring transfer of $100 to savings every monday'),
  oos('banking', 'how much interest did i earn in nov'),
  oos('banking', 'cash app jordan 15 for the pizza'),
  oos('banking', 'transfer two hundred dollars to my brother'),

  // ───────────── out of scope: bill payment ─────────────
  oos('bill_payment', 'pay my verizon bill'),
  oos('bill_payment', 'schedule my $86 con ed payment for dec 15'),
  oos('bill_payment', "Hi! Could you please pay my water bill before Friday? It's $62.40 and it's due on the 4th."),
  oos('bill_payment', 'pay my phone bill'),
  oos('bill_payment', 'set up autopay for my car insurance on the 1st of every month'),
  oos('bill_payment', 'how much is my electric bill this month'),
  oos('bill_payment', 'did my spectrum payment go thru'),
  oos('bill_payment', 'pls pay the gas bill w my visa'),
  oos('bill_payment', "My student loan payment is due December 10th. Can you take care of it from my checking account so I don't have to log in?"),
  oos('bill_payment', 'pay my credit card bill in full'),
  oos('bill_payment', "what's the minimum payment due on my discover card"),

  // ───────────── out of scope: shopping / ordering ─────────────
  oos('shopping', 'order more paper towels on amazon'),
  oos('shopping', 'Can you buy the milk, eggs and bread on my list through Instacart and have it delivered by 6pm?'),
  oos('shopping', 'reorder my contacts from 1800contacts'),
  oos('shopping', 'order a large pepperoni pizza from dominos'),
  oos('shopping', 'track my amazon package its supposed to come thurs'),
  oos('shopping', 'cancel my target order from yesterday'),
  oos('shopping', 'I want to return the boots I bought on Saturday for $89. Can you start the return for me?'),
  oos('shopping', 'find me a 65 inch tv under $600'),
  oos('shopping', 'add paper towels to my amazon cart'),
  oos('shopping', 'get doordash thai delivered at 7:30'),

  // ───────────── out of scope: bookings / reservations ─────────────
  oos('booking', 'book a table for 2 at Lilia saturday at 8pm'),
  oos('booking', 'Could you make a reservation at the steakhouse near my office for Friday at 7? There will be six of us, and one is vegetarian.'),
  oos('booking', 'book me a haircut w/ maria thurs 4pm'),
  oos('booking', 'reserve a hotel in boston dec 11-13, under $250 a night'),
  oos('booking', 'book a flight to miami on december eighteenth'),
  oos('booking', 'call my dentist and book a cleaning sometime in january'),
  oos('booking', 'get me 2 tix for the 7pm showing of wicked on sat'),
  oos('booking', 'cancel my opentable reservation for tonight'),
  oos('booking', 'change my hotel reservation so i check out sunday instead'),
  oos('booking', 'I need to book an oil change for the Honda this week, ideally Wednesday morning. Can you set that up with the dealership?'),
  oos('booking', 'book a tee time for saturday morning at nine'),
  oos('booking', 'rent a car at LAX from dec 10 to dec 14'),
  oos('booking', 'see if the vet has any openings friday afternoon for biscuit'),

  // ───────────── out of scope: rides / travel ─────────────
  oos('rides_travel', 'get me an uber to JFK at 5am tomorrow'),
  oos('rides_travel', 'how much is a lyft to penn station right now'),
  oos('rides_travel', 'call me a taxi for six thirty'),
  oos('rides_travel', 'is my delta flight on the 10th on time?'),
  oos('rides_travel', 'When does the last train from Grand Central to New Haven leave on Friday night? I have a dinner that might run late.'),
  oos('rides_travel', 'check me in for my flight tmrw'),
  oos('rides_travel', 'schedule a ride to the dentist tomorrow at 2:30'),
  oos('rides_travel', 'do i need a passport to go to puerto rico'),
  oos('rides_travel', 'when does the next bus to newark airport come'),
  oos('rides_travel', 'find cheap flights to chicago for xmas week'),

  // ───────────── out of scope: smart home / devices ─────────────
  oos('smart_home', 'set the thermostat to 66 at 10pm every night'),
  oos('smart_home', 'turn off the living room lights at eleven p m'),
  oos('smart_home', 'lock the front door'),
  oos('smart_home', 'start the robot vacuum at 2pm while im at work'),
  oos('smart_home', "Can you turn the porch lights on at sunset every day this week? I'll be traveling until Sunday and want the house to look lived in."),
  oos('smart_home', 'turn on the coffee maker at 6:15 tomorrow'),
  oos('smart_home', 'is the garage door closed'),
  oos('smart_home', 'dim the bedroom lights to thirty percent'),
  oos('smart_home', 'preheat the oven to 375'),
  oos('smart_home', 'run the dishwasher at midnight when electricity is cheaper'),
  oos('smart_home', 'turn off the christmas tree lights at 10 every night'),
  oos('smart_home', 'set the sprinklers for tue thu sat at 6am'),

  // ───────────── out of scope: timers / stopwatches ─────────────
  oos('timer', 'set a timer for 12 minutes'),
  oos('timer', 'timer for twenty five minutes'),
  oos('timer', 'start a stopwatch'),
  oos('timer', 'how much time is left on my timer'),
  oos('timer', "Please start a 45 minute timer for the lasagna, I'm putting it in the oven now."),
  oos('timer', 'cancel the pasta timer'),
  oos('timer', 'set a timer for one hour and thirty minutes'),
  oos('timer', 'pomodoro 25 min then 5 min break'),
  oos('timer', 'set two timers, 8 min for the eggs and 20 for the rice'),
  oos('timer', 'add 5 more minutes to the timer'),

  // ───────────── out of scope: music / podcasts ─────────────
  oos('music', 'play some jazz'),
  oos('music', 'play my morning playlist at seven a m tomorrow'),
  oos('music', 'make a playlist of christmas songs for the party on the 19th'),
  oos('music', 'skip this song'),
  oos('music', 'play the latest episode of the daily'),
  oos('music', "Could you queue up some relaxing music for an hour starting at 9pm? I'm trying to fall asleep earlier this week."),
  oos('music', 'play white noise until six thirty a m'),
  oos('music', 'when does the next episode of serial come out'),
  oos('music', 'shuffle my liked songs on spotify'),

  // ───────────── out of scope: messages / calls / email to other people ─────────────
  oos('messaging', 'text Sam that im running 10 min late for lunch friday'),
  oos('messaging', "Email my boss that I'll be out on Friday, December 4th for a family thing. Keep it short and professional."),
  oos('messaging', 'call mom'),
  oos('messaging', 'send a happy bday text to jenna at midnight'),
  oos('messaging', 'reply to dana: sounds good see u at 7'),
  oos('messaging', 'read my new messages'),
  oos('messaging', "call the dentist office and tell them i'll be 15 min late"),
  oos('messaging', 'send an email to the team at 8am monday with the agenda'),
  oos('messaging', 'facetime grandma'),
  oos('messaging', 'did jake text me back'),
  oos('messaging', 'Please let my coworkers know the team meeting on Friday is moved to 11. They keep asking me.'),
  oos('messaging', 'leave a voicemail for my landlord saying rent will be a few days late'),
  oos('messaging', 'who called me at 3:15 yesterday'),

  // ───────────── out of scope: sharing / exporting to others ─────────────
  oos('sharing', 'send my grocery list to my husband'),
  oos('sharing', 'share my calendar with my assistant'),
  oos('sharing', 'export my expenses for november as a csv'),
  oos('sharing', 'send sam an invite for lunch friday at 1'),
  oos('sharing', 'share my to do list with jessica'),
  oos('sharing', 'Could you email me a PDF of everything I spent this month? My accountant needs it by the 15th.'),
  oos('sharing', 'print my shopping list'),
  oos('sharing', 'let my wife edit the grocery list too'),

  // ───────────── out of scope: trivia / dates / facts ─────────────
  oos('trivia', 'how many weeks till new years'),
  oos('trivia', 'what day of the week is july 4th next year'),
  oos('trivia', 'when is thanksgiving in 2027'),
  oos('trivia', 'who was the first person to walk on the moon'),
  oos('trivia', "Is December 24th a federal holiday, or do banks stay open? I need to know whether I can go on Thursday."),
  oos('trivia', 'what year did the eagles last win the super bowl'),
  oos('trivia', 'when does daylight saving time start next year'),
  oos('trivia', 'what does RSVP stand for'),
  oos('trivia', 'what is the capital of australia'),

  // ───────────── out of scope: maths ─────────────
  oos('math', 'whats 18% tip on $87.50'),
  oos('math', 'split 240 three ways'),
  oos('math', 'what is twelve times fifteen'),
  oos('math', 'If I save $150 a week starting today, how much will I have by June 1st?'),
  oos('math', 'how many hours between 9:45am and 6:15pm'),
  oos('math', 'calculate the monthly payment on a 25k car loan at 6% for 5 yrs'),

  // ───────────── out of scope: unit and currency conversions ─────────────
  oos('conversion', 'how many ounces in a cup'),
  oos('conversion', 'convert three hundred fifty degrees fahrenheit to celsius'),
  oos('conversion', '5k in miles?'),
  oos('conversion', 'how much is 100 euros in dollars'),

  // ───────────── out of scope: clock / time zones ─────────────
  oos('time_zone', 'what time is it in tokyo'),
  oos('time_zone', 'If my call with the London office is at 3pm their time on Wednesday, what time is that for me?'),
  oos('time_zone', 'what time is it in california right now'),
  oos('time_zone', 'when its 9am in denver what time is it here'),
  oos('time_zone', "what's the time difference between ny and paris"),
  oos('time_zone', 'what time is it'),

  // ───────────── out of scope: weather ─────────────
  oos('weather', 'will it snow friday morning'),
  oos('weather', 'whats the weather going to be like at three p m tomorrow'),
  oos('weather', 'do i need an umbrella for my 3pm dentist appt tmrw'),
  oos('weather', "We're going to an outdoor holiday market on Saturday the 12th. Any idea if it's going to be cold or rainy?"),
  oos('weather', 'whats the high today'),
  oos('weather', 'send me the weather every morning at 7'),
  oos('weather', 'is it going to be sunny this weekend'),
  oos('weather', 'when does the sun set today'),
  oos('weather', 'hows the weather in miami for my trip dec 18-22'),
  oos('weather', 'is it too cold to run outside at 6am tomorrow'),

  // ───────────── out of scope: news / sports / markets ─────────────
  oos('news_sports', 'what was the score of the jets game yesterday'),
  oos('news_sports', 'when do the knicks play next'),
  oos('news_sports', 'what are the top news headlines this morning'),
  oos('news_sports', 'did the rangers win last nite'),
  oos('news_sports', 'Can you give me a summary of what happened in the markets today? I have a meeting with my financial advisor at 2.'),
  oos('news_sports', 'what channel is the giants game on sunday at 1'),
  oos('news_sports', 'how is the S&P doing today'),

  // ───────────── out of scope: recipes / cooking ─────────────
  oos('recipes', 'how long do i roast a 5 lb chicken at 400'),
  oos('recipes', 'recipe for banana bread using 3 ripe bananas'),
  oos('recipes', 'how do i make hard boiled eggs'),
  oos('recipes', 'What can I make for dinner tonight with eggs, milk, bread and some leftover chicken? Nothing fancy please.'),
  oos('recipes', 'substitute for buttermilk?'),
  oos('recipes', 'how long does cooked rice last in the fridge'),
  oos('recipes', 'what temperature should pork be cooked to'),
  oos('recipes', 'how many cups of flour for 2 dozen cookies'),
  oos('recipes', 'how do i thaw a frozen turkey by thursday'),

  // ───────────── out of scope: health / fitness ─────────────
  oos('health_fitness', 'how many calories in a bagel w cream cheese'),
  oos('health_fitness', 'give me a 20 minute ab workout'),
  oos('health_fitness', "I've been sleeping badly lately. Is it okay to drink coffee after 3pm, or should I cut it off earlier?"),
  oos('health_fitness', 'how many steps did i walk today'),
  oos('health_fitness', 'is it safe to take ibuprofen and tylenol together'),
  oos('health_fitness', 'log my run 3.1 miles in 28 min'),
  oos('health_fitness', 'how many hours of sleep do i get if i go to bed at 11 and wake up at 6:30'),
  oos('health_fitness', 'track my water intake, just had 16 oz'),

  // ───────────── out of scope: directions / traffic ─────────────
  oos('directions_traffic', 'how long will it take to drive to newark airport friday at 5pm'),
  oos('directions_traffic', 'fastest way to get to midtown from here'),
  oos('directions_traffic', 'is there traffic on ninety five right now'),
  oos('directions_traffic', 'directions to the dentist on 3rd ave'),
  oos('directions_traffic', "How long is the walk from Penn Station to Madison Square Garden? I'm meeting Sam there at 6:45."),
  oos('directions_traffic', 'nearest gas station'),
  oos('directions_traffic', 'when should i leave for my 3pm appt tomorrow to get there on time'),
  oos('directions_traffic', 'is the L train running this weekend'),

  // ───────────── out of scope: local info / opening hours ─────────────
  oos('local_info', 'when does costco close today'),
  oos('local_info', 'is CVS open on christmas day'),
  oos('local_info', 'find a pharmacy open after ten p m'),
  oos('local_info', 'What are the hours for the Apple store in SoHo on Saturday? I want to drop off my laptop around 11.'),

  // ───────────── out of scope: generating lists / plans / ideas ─────────────
  oos('generate_content', 'make me a packing list for 5 days in cancun'),
  oos('generate_content', 'give me a grocery list for a week of keto dinners'),
  oos('generate_content', 'plan my saturday, i want to be productive'),
  oos('generate_content', "Could you suggest some gift ideas for my dad? He's turning 60 on December 20th and I'd like to stay under $100."),
  oos('generate_content', 'write a to-do list for moving apartments'),
  oos('generate_content', 'give me some ideas for a date night on friday'),
  oos('generate_content', 'create a budget for me, i make 4500 a month after taxes'),
  oos('generate_content', 'write a christmas card message for my coworkers'),
  oos('generate_content', 'make a study schedule for my finals dec 14-18'),
  oos('generate_content', 'plan a 3 day itinerary for chicago'),
  oos('generate_content', 'write me a workout plan for mon wed fri at 6am'),
  oos('generate_content', 'suggest a weekly meal plan and a shopping list to go with it'),

  // ───────────── out of scope: reminding OTHER people ─────────────
  oos('remind_others', 'remind my husband to take out the trash at 8pm'),
  oos('remind_others', 'text my son a reminder about his dentist appt at 4 tomorrow'),
  oos('remind_others', 'tell my wife to pick up milk on her way home'),
  oos('remind_others', "Could you send a reminder to Sam on Thursday night so he doesn't forget our lunch on Friday? He's terrible with dates."),
  oos('remind_others', 'remind the team about the meeting friday at 10'),
  oos('remind_others', 'ping jake at 5 to remind him about soccer practice'),
  oos('remind_others', 'can u remind my mom to take her pills every day at 9am'),
  oos('remind_others', 'remind dad about his doctor appointment on wednesday'),
  oos('remind_others', 'set a reminder for my roommate to pay his half of the rent by friday'),

  // ───────────── out of scope: controlling other apps / the phone ─────────────
  oos('other_apps', 'open spotify'),
  oos('other_apps', 'post a photo to instagram at 6pm'),
  oos('other_apps', 'update my linkedin status to open to work'),
  oos('other_apps', 'turn on airplane mode at 10pm'),
  oos('other_apps', 'open youtube on the tv'),
  oos('other_apps', 'set my slack status to out of office until monday'),

  // ───────────── out of scope: opinions ─────────────
  oos('opinion', 'is 7am too early for a team meeting?'),
  oos('opinion', "Do you think I should cancel lunch with Sam on Friday? I'm completely swamped with work this week."),
  oos('opinion', 'is $1,850 a month a lot for a one bedroom in brooklyn'),
  oos('opinion', 'whats better iphone or pixel'),
  oos('opinion', 'do you think the jets will make the playoffs'),
  oos('opinion', 'is it rude to leave a party at 9pm'),

  // ───────────── out of scope: advice ─────────────
  oos('advice', 'how do i get better at waking up at 6am'),
  oos('advice', 'I keep sleeping through my alarms. Any tips for actually getting out of bed in the morning?'),
  oos('advice', 'how do i stick to a budget'),
  oos('advice', 'how much should i tip a hairdresser for a $60 cut'),
  oos('advice', 'how do i stop procrastinating'),
  oos('advice', 'is it better to pay rent early or on the 1st'),

  // ───────────── out of scope: jokes ─────────────
  oos('joke', 'tell me a joke'),
  oos('joke', 'tell me a christmas joke'),
  oos('joke', 'give me a dad joke about calendars'),
  oos('joke', 'roast my spending habits lol'),

  // ───────────── out of scope: small talk ─────────────
  oos('small_talk', 'good morning! how are you today'),
  oos('small_talk', 'are you a real person'),
  oos('small_talk', 'whats your name'),
  oos('small_talk', 'do you ever sleep'),
  oos('small_talk', 'what are you doing this weekend'),
  oos('small_talk', 'hi'),
  oos('small_talk', 'lol'),
  oos('small_talk', 'happy thanksgiving! hope you had a good one'),
  oos('small_talk', 'good night'),

  // ───────────── out of scope: venting / complaints ─────────────
  oos('venting', 'ugh mondays. 4 meetings before lunch'),
  oos('venting', 'My boss just scheduled a meeting for 5pm on a Friday. Who does that?'),
  oos('venting', 'i cant believe my rent went up $150'),
  oos('venting', 'i am so tired of getting up at six every day'),
  oos('venting', "dentist tomorrow at 3 and i'm dreading it"),
  oos('venting', 'why is everything so expensive, $7 for a dozen eggs'),
  oos('venting', 'my flight got delayed 3 hours, stuck at the airport'),
  oos('venting', "Honestly my grocery bill this month is out of control and I don't know what to do about it. It's just depressing."),
  oos('venting', 'slept through my alarm AGAIN'),
  oos('venting', 'the holidays stress me out so much'),
  oos('venting', 'sam cancelled on me again'),

  // ───────────── out of scope: statements / stories ─────────────
  oos('statement', 'so yesterday i set 3 alarms and still overslept lol'),
  oos('statement', 'my sister is getting married next june'),
  oos('statement', 'Just got back from the store. I spent way too long in the cereal aisle trying to decide.'),
  oos('statement', 'my kid lost her first tooth today'),
  oos('statement', 'i just finished my first marathon in four hours and ten minutes'),
  oos('statement', "it's my birthday on december 9th"),
  oos('statement', 'finally paid off my car loan today!!'),
  oos('statement', 'the heat in my building has been off since thursday'),

  // ───────────── out of scope: thanks ─────────────
  oos('gratitude', 'thanks for the reminder about mom yesterday'),
  oos('gratitude', 'Thank you! That 6:30 wake-up alarm really saved me this morning.'),
  oos('gratitude', 'thx, got it'),
  oos('gratitude', 'thank you that is all for now'),
  oos('gratitude', 'ty!! dec 4 is gonna be a busy day lol'),
  oos('gratitude', "awesome, you're a lifesaver"),

  // ───────────── out of scope: translation / language ─────────────
  oos('translation', 'how do you say "see you friday at 7" in spanish'),
  oos('translation', 'translate my grocery list to french'),
  oos('translation', 'how do you say happy new year in japanese'),
  oos('translation', 'Can you translate this for my landlord: the rent will be late until December 5th.'),

  // ═════════════ in-scope NEAR MISSES ═════════════
  // reminder_set
  t('reminder_set', 'remind me to transfer $300 to savings friday at noon', { at: '2026-12-04 12:00', words: 'transfer savings' }),
  t('reminder_set', 'Could you remind me tomorrow at 5pm to call the bank about the weird charge on my card?',
    { at: '2026-12-01 17:00', words: 'call bank' }),
  t('reminder_set', 'remind me to pay the con ed bill on dec 15 at 9am', { at: '2026-12-15 09:00', words: 'con ed' }),
  t('reminder_set', "remind me to book a table for mom's birthday dinner tomorrow at noon", { at: '2026-12-01 12:00', words: 'book table' }),
  t('reminder_set', 'remind me every sunday at 7pm to check the weather for the week', { at: '2026-12-06 19:00', words: 'weather' }),
  t('reminder_set', 'rmnd me thurs to order more contacts', { at: '2026-12-03', words: 'contacts', clarify: true }),
  t('reminder_set', 'I need to remember to text Jenna happy birthday on Saturday morning at 9.', { at: '2026-12-05 09:00', words: 'Jenna' }),
  t('reminder_set', 'remind me at eight thirty tonight to turn the thermostat down to sixty five',
    { at: '2026-11-30 20:30', words: 'thermostat' }),
  t('reminder_set', 'remind me in 45 min to move the laundry to the dryer', { at: '2026-11-30 10:45', words: 'laundry' }),
  t('reminder_set', 'remind me wed at 3pm to cancel netflix before the free trial ends', { at: '2026-12-02 15:00', words: 'cancel netflix' }),
  t('reminder_set', "Hey, could you set a reminder for Thursday at 6pm to check the Knicks score? I'll be stuck in a meeting during the game.",
    { at: '2026-12-03 18:00', words: 'Knicks' }),
  t('reminder_set', 'remind me to call dad at 7 tonight', { at: '2026-11-30 19:00', words: 'call dad' }),
  t('reminder_set', 'reminder on the 1st of every month at 9am: pay the car loan', { at: '2026-12-01 09:00', words: 'car loan' }),
  t('reminder_set', 'remind me to venmo jake $30 for the tickets tonight at 9', { at: '2026-11-30 21:00', words: 'venmo jake' }),
  t('reminder_set', 'remind me to take the trash out every tuesday at 8pm', { at: '2026-12-01 20:00', words: 'trash' }),
  t('reminder_set', 'remind me on christmas eve at ten a m to pick up the ham', { at: '2026-12-24 10:00', words: 'ham' }),
  t('reminder_set', 'remind me to renew my passport', { words: 'passport', clarify: true }),

  // reminder_query
  t('reminder_query', 'did I set a reminder about the rent?', { words: 'rent' }),
  t('reminder_query', 'What reminders do I have tomorrow? I want to know before I plan out my day.', { at: '2026-12-01' }),
  t('reminder_query', 'what are my reminders for friday', { at: '2026-12-04' }),
  t('reminder_query', 'do i have a reminder to call mom', { words: 'call mom' }),

  // reminder_remove
  t('reminder_remove', 'Paid the rent early through the bank app, so you can delete the rent reminder.', { words: 'rent' }),
  t('reminder_remove', "cancel the call mom reminder tmrw, she's coming over instead", { words: 'call mom' }),
  t('reminder_remove', 'cancel my reminder to pay rent on friday', { words: 'rent' }),

  // alarm_set
  t('alarm_set', 'set an alarm for 4:15am thursday, flight is at 7', { at: '2026-12-03 04:15' }),
  t('alarm_set', 'wake me up at five forty five tomorrow morning', { at: '2026-12-01 05:45' }),
  t('alarm_set', "I've got a 6am train to Philly on Saturday. Can you set an alarm for 4:30 that morning?", { at: '2026-12-05 04:30' }),
  t('alarm_set', 'alarm 7am sunday, gym w/ mike', { at: '2026-12-06 07:00' }),
  t('alarm_set', 'set an alarm for 1:50pm so i dont miss the kickoff', { at: '2026-11-30 13:50' }),
  t('alarm_set', 'alarm for 5:10 am tmrw, my uber to the airport is at 6', { at: '2026-12-01 05:10' }),
  t('alarm_set', 'set an alarm for nine p m tonight to take my meds', { at: '2026-11-30 21:00' }),

  // alarm_query
  t('alarm_query', 'what time is my alarm set for tomorrow'),
  t('alarm_query', 'is my 6:30 alarm still on for tomorrow? big day'),
  t('alarm_query', 'what alarms do i have'),

  // alarm_remove
  t('alarm_remove', "turn off tomorrow's 6:30 alarm, i'm working from home"),
  t('alarm_remove', 'cancel my alarm for tomorrow morning'),
  t('alarm_remove', 'delete the wake up alarm'),

  // calendar_set
  t('calendar_set', 'put my flight to denver on the calendar, dec 10 at 6:40am', { at: '2026-12-10 06:40', words: 'flight denver' }),
  t('calendar_set', 'I booked a haircut at Supercuts for Saturday at 11am, can you add it to my calendar?', { at: '2026-12-05 11:00', words: 'haircut' }),
  t('calendar_set', 'dinner reservation at Lucali thurs 8pm, add to cal', { at: '2026-12-03 20:00', words: 'Lucali' }),
  t('calendar_set', 'add knicks game at madison square garden to my calendar on december twelfth at seven thirty p m',
    { at: '2026-12-12 19:30', words: 'Knicks game' }),
  t('calendar_set', 'Hotel check-in at the Marriott in Boston on Friday, Dec 11 at 3pm. Please put that in my calendar.',
    { at: '2026-12-11 15:00', words: 'hotel' }),
  t('calendar_set', 'plumber coming tmrw between 9 and 11am, put it on my calendar', { at: '2026-12-01 09:00', words: 'plumber' }),
  t('calendar_set', 'vet appt for Biscuit tues dec 8 at 10am', { at: '2026-12-08 10:00', words: 'vet' }),
  t('calendar_set', "The call with the bank about my mortgage is Wednesday at 2pm. Please add it to my calendar so I don't double book.",
    { at: '2026-12-02 14:00', words: 'bank' }),
  t('calendar_set', "christmas party at Jen's on the 19th at 7pm", { at: '2026-12-19 19:00', words: 'Christmas party' }),
  t('calendar_set', 'add parent teacher conference thursday 3:15pm', { at: '2026-12-03 15:15', words: 'parent teacher' }),
  t('calendar_set', "new year's day brunch at aunt carol's at noon", { at: '2027-01-01 12:00', words: 'brunch' }),
  t('calendar_set', 'put the car pickup from the mechanic on my calendar', { words: 'car', clarify: true }),

  // calendar_query
  t('calendar_query', "what's on my calendar christmas eve?", { at: '2026-12-24' }),
  t('calendar_query', 'anything on new years day', { at: '2027-01-01' }),
  t('calendar_query', 'am i free friday at noon? want to squeeze in a haircut', { at: '2026-12-04 12:00' }),
  t('calendar_query', 'what do i have on my calendar this week'),
  t('calendar_query', 'when is my dentist appt again', { words: 'dentist' }),
  t('calendar_query', 'Is the team meeting on Friday still on my calendar? My boss mentioned something about moving it.',
    { at: '2026-12-04', words: 'team meeting' }),
  t('calendar_query', "what's on new year's eve", { at: '2026-12-31' }),

  // calendar_remove
  t('calendar_remove', 'Sam has the flu so lunch Friday is off, take it off my calendar', { at: '2026-12-04', words: 'Sam' }),
  t('calendar_remove', 'cancel the dentist appointment tomorrow on my calendar', { at: '2026-12-01', words: 'dentist' }),
  t('calendar_remove', 'delete team meeting on friday', { at: '2026-12-04', words: 'team meeting' }),

  // calendar_change
  t('calendar_change', 'move my dentist appt tomorrow to 4:30pm', { at: '2026-12-01 16:30', words: 'dentist' }),
  t('calendar_change', "Sam can't do 1 anymore. Can you push lunch with Sam on Friday to 2pm?", { at: '2026-12-04 14:00', words: 'Sam' }),
  t('calendar_change', 'move the team meeting to monday at ten a m', { at: '2026-12-07 10:00', words: 'team meeting' }),
  t('calendar_change', 'rename lunch with Sam to lunch with Sam and Priya', { words: 'Priya' }),

  // list_add
  t('list_add', 'add the stuff for banana bread to my grocery list: flour, brown sugar, butter, baking soda',
    { items: ['flour', 'brown sugar', 'butter', 'baking soda'] }),
  t('list_add', "Making chili on Sunday. Can you add ground beef, kidney beans, 2 cans of diced tomatoes and chili powder to my shopping list?",
    { items: ['ground beef', 'kidney beans', 'diced tomatoes', 'chili powder'] }),
  t('list_add', 'add "fix thermostat" to my to-do list', { words: 'thermostat' }),
  t('list_add', 'add batteries for the smoke detector to the hardware store list', { words: 'batteries' }),
  t('list_add', 'put sunscreen and a phone charger on my packing list for cancun', { items: ['sunscreen', 'phone charger'] }),
  t('list_add', 'add call the bank to my to do list', { words: 'call bank' }),
  t('list_add', 'need light bulbs and an hdmi cable on the shopping list', { items: ['light bulbs', 'HDMI cable'] }),
  t('list_add', 'add "book flights for xmas" to my to-do list', { words: 'book flights' }),
  t('list_add', 'add a gift for dad to my christmas list', { words: 'gift dad' }),

  // list_query
  t('list_query', "what's on the grocery list? I'm at costco"),
  t('list_query', 'is coffee on my list', { words: 'coffee' }),
  t('list_query', 'what lists do i have'),

  // list_remove
  t('list_remove', 'got the milk and bananas', { items: ['milk', 'bananas'] }),
  t('list_remove', 'take coffee off the list, I ordered a bag online', { words: 'coffee' }),
  t('list_remove', 'remove eggs from my shopping list', { words: 'eggs' }),

  // expense_log
  t('expense_log', 'Just paid the electric bill, $94.20. Log it please.', { amount: '94.20', words: 'electric' }),
  t('expense_log', 'spent 312.80 on the hotel in boston', { amount: '312.80', words: 'hotel' }),
  t('expense_log', 'uber to the airport 46 bucks', { amount: '46', words: 'uber' }),
  t('expense_log', 'i spent twenty two dollars on movie tickets', { amount: '22', words: 'movie tickets' }),
  t('expense_log', "venmo'd Sam $18 for my half of lunch", { amount: '18', words: 'lunch' }),
  t('expense_log', 'log $65 for the concert tickets', { amount: '65', words: 'concert' }),
  t('expense_log', 'paid $120 for car insurance', { amount: '120', words: 'car insurance' }),
  t('expense_log', 'dinner at Lucali was 87.50 incl tip', { amount: '87.50', words: 'dinner' }),

  // expense_query
  t('expense_query', 'how much have i spent on ubers this month', { words: 'uber' }),
  t('expense_query', "How much did I spend on bills in November? I'm trying to figure out if my electric is going up.", { words: 'bills' }),
  t('expense_query', 'how much did i spend yesterday', { at: '2026-11-29' }),
  t('expense_query', 'total spending this week?'),

  // expense_budget
  t('expense_budget', 'set a $250 budget for eating out in december', { amount: '250', words: 'eating out' }),
  t('expense_budget', 'am i over my travel budget this month', { words: 'travel' }),
  t('expense_budget', 'How much do I have left to spend on groceries this month?', { words: 'groceries' }),

  // expense_undo
  t('expense_undo', 'oops the last expense should be 21.50 not 12.50', { amount: '21.50' }),
  t('expense_undo', 'undo the last one, the store refunded me'),

  // settings_set
  t('settings_set', "I'm flying to LA for two weeks, switch my time zone to Pacific"),
  t('settings_set', 'no texts after 9pm please, i go to bed early'),
  t('settings_set', 'send my daily agenda at seven a m'),
  t('settings_set', 'change my timezone to london'),

  // settings_query
  t('settings_query', 'what time zone do you have me in'),
  t('settings_query', 'what time does my morning agenda come'),

  // help
  t('help', 'how do I make a packing list?'),
  t('help', 'help, what kinds of things can you keep track of for me'),
]);
