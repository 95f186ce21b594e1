/**
 * English phrase bank (British usage: the London team serves UK customers, prices in pounds).
 */
import type { Random } from '../demo.random.js';
import { type PhraseBank, shopPrice } from './phrase-bank.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function longDate(date: Date): string {
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

function clock(hour: number, minute: number): string {
  const suffix = hour < 12 ? 'am' : 'pm';
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${twelve} ${suffix}` : `${twelve}:${minute < 10 ? `0${minute}` : minute} ${suffix}`;
}

/** English phrases. */
export const en: PhraseBank = {
  language: 'en',
  names: {
    male: [
      { name: 'James' },
      { name: 'Oliver' },
      { name: 'Thomas' },
      { name: 'Daniel' },
      { name: 'Matthew' },
      { name: 'Harry' },
      { name: 'George' },
      { name: 'Samuel' },
      { name: 'Liam' },
      { name: 'Ryan' },
      { name: 'Callum' },
      { name: 'Ben' },
      { name: 'Owen' },
      { name: 'Rhys' },
      { name: 'Michael' },
      { name: 'Adam' },
      { name: 'Jack' },
      { name: 'Mohammed' },
      { name: 'Arjun' },
      { name: 'Connor' },
    ],
    female: [
      { name: 'Emily' },
      { name: 'Sophie' },
      { name: 'Charlotte' },
      { name: 'Olivia' },
      { name: 'Amelia' },
      { name: 'Jessica' },
      { name: 'Hannah' },
      { name: 'Lucy' },
      { name: 'Chloe' },
      { name: 'Grace' },
      { name: 'Megan' },
      { name: 'Rachel' },
      { name: 'Laura' },
      { name: 'Niamh' },
      { name: 'Priya' },
      { name: 'Zoe' },
      { name: 'Ellie' },
      { name: 'Katie' },
      { name: 'Aisha' },
      { name: 'Fiona' },
    ],
    surnames: [
      'Smith',
      'Jones',
      'Taylor',
      'Brown',
      'Williams',
      'Wilson',
      'Johnson',
      'Davies',
      'Evans',
      'Thomas',
      'Roberts',
      'Walker',
      'Wright',
      'Thompson',
      'Hughes',
      'Edwards',
      'Green',
      'Hall',
      'Clarke',
      'Patel',
      'Khan',
      'Murphy',
      "O'Brien",
      'Campbell',
      'Morgan',
      'Cooper',
      'Harrison',
      'Bennett',
      'Ward',
      'Fletcher',
    ].map((surname) => ({ male: surname, female: surname })),
  },
  formatName(given, surname, female, _father, formal) {
    const family = female ? surname.female : surname.male;
    // British agents use first names; a few formal ones use the title.
    const address = formal ? `${female ? 'Ms' : 'Mr'} ${family}` : given.name;
    return { full: `${given.name} ${family}`, given: given.name, address };
  },
  dateOn: (date) => `on ${longDate(date)}`,
  dateBy: (date) => `by ${longDate(date)}`,
  timeAt: (hour, minute) => `at ${clock(hour, minute)}`,
  timeBy: (hour, minute) => `by ${clock(hour, minute)}`,
  days: (count) => `${count} working day${count === 1 ? '' : 's'}`,
  hours: (count) => `${count} hour${count === 1 ? '' : 's'}`,
  money: (euros) => `£${shopPrice(euros * 0.86).toFixed(2)}`,
  phone(random: Random) {
    // Ofcom's range reserved for drama: realistic, and never anybody's real number.
    const line = `900${String(random.int(0, 999)).padStart(3, '0')}`;
    return random.chance(0.5) ? `+44 7700 ${line}` : `07700 ${line}`;
  },
  keepsCapital: /^(I|I'm|I've|I'll|I'd|Lumio)\b/,

  topics: {
    billing: {
      subjects: ['Charged twice this month', 'Wrong amount on my bill', 'Question about invoice {invoice}'],
      openings: [
        "I've just checked my bank statement and you've taken {amount} twice for the same bill.",
        "My bill this month is {amount}, which is way more than usual. I haven't changed anything on my plan, so what's going on?",
        "There's a charge on invoice {invoice} that I don't recognise. I never ordered any extras.",
        'I was charged {amount} even though I paid the previous invoice in full. Can you check this please?',
      ],
      details: [
        'The invoice number is {invoice} and the account is in my name.',
        'Invoice {invoice}. The payment went out on the 3rd and again on the 5th.',
        "It's invoice {invoice}. I can send you a screenshot of my bank statement if that helps.",
      ],
      explanations: [
        'I can see what happened: your direct debit was collected twice because the first payment was marked as failed by our system, even though your bank had already paid it.',
        'The higher amount comes from a one-off charge for roaming data used abroad last month, which was added to this invoice.',
        "Your plan's promotional discount ended last month, so the invoice shows the full price for the first time.",
        'The extra charge is for a premium SMS service that was activated on your number; I can see it was started on the 12th.',
      ],
      jargon: [
        'The DD got re-presented after an ARUDD reject flag, so the ledger shows a dupe posting pending recon.',
        "It's a pro-rata adjustment from the mid-cycle MRC change, the billing engine just hasn't netted off the OTC yet.",
      ],
      options: [
        'I can either refund the duplicate payment to your card, or keep it as credit so your next bill is covered — which would you prefer?',
        'There are two ways to sort this out: I can cancel the extra service and credit the charge back, or switch you to a plan that includes it at a lower price.',
        'I can refund the difference to your bank account, or apply it as credit to your next invoice. Both are free of charge.',
      ],
      questions: [
        {
          ask: [
            'When will I get my money back?',
            'How long until the money is back in my account?',
            'And when exactly will the refund arrive?',
          ],
          answers: [
            "The refund of {amount} has been issued today, so you'll see it in your account {dateBy}.",
            'I have processed it now; banks usually take {days}, so expect {amount} back {dateBy} at the latest.',
            'The money goes back to the card you paid with — {amount}, credited {dateOn}.',
          ],
        },
        {
          ask: [
            'So how much do I actually owe this month?',
            'What should my bill be then?',
            'How much will next month cost me?',
          ],
          answers: [
            'Your corrected bill for this month is {amount2}, and I have already sent you the updated invoice.',
            "This month you owe {amount2}; from next month it's your usual monthly price again.",
            'After the correction the invoice comes to {amount2}, due {dateOn}.',
          ],
        },
      ],
      nextSteps: [
        "You'll get an e-mail confirming the refund within the hour; you don't need to do anything else.",
        "I've sent the corrected invoice to your e-mail. Please pay only that one and ignore the old one.",
        "I've removed the extra service, so it won't appear on future bills. If you see it again, just reply to this message.",
      ],
      articles: [
        {
          title: 'Understanding your bill',
          url: 'https://help.lumio.example/en/articles/1012-understanding-your-bill',
        },
        { title: 'How refunds work', url: 'https://help.lumio.example/en/articles/1047-how-refunds-work' },
      ],
      notes: [
        'Duplicate DD confirmed in billing, refund of {amount} raised. Check it went through.',
        'Customer disputes invoice {invoice}. Waiting for finance to confirm the adjustment.',
      ],
    },
    delivery: {
      subjects: ['Where is my order {order}?', 'Order {order} still not delivered', 'Delivery delayed'],
      openings: [
        "I ordered a router over a week ago, order {order}, and it still hasn't arrived. Tracking hasn't changed in four days.",
        'My order {order} was supposed to arrive yesterday. Nobody came and nobody called.',
        'The tracking for {order} says "delivered", but there\'s nothing here. I\'ve checked with the neighbours too.',
        "I paid extra for next-day delivery and the phone still hasn't come. Order {order}.",
      ],
      details: [
        "The order number is {order}, and it's going to my home address.",
        'Order {order}. The postcode is the same as on my account.',
        "It's {order}, placed last Monday.",
      ],
      explanations: [
        "I've checked with the courier: your parcel was held at their depot because of a sorting error and it has now been put back on a van.",
        'The courier tried to deliver it yesterday, but the address label was missing the flat number, so it was taken back to the depot.',
        'Your order was split into two parcels; the first one was delivered, and the second one left our warehouse only this morning.',
        'The parcel has been marked as lost by the courier, so the fastest way is to send you a new one.',
      ],
      jargon: [
        "The consignment's stuck at the hub with an exception code, we're waiting on the carrier's POD before we can raise an RTS.",
        "It's showing as a failed first-attempt, so it's back in the linehaul and will be re-manifested on the next cycle.",
      ],
      options: [
        'I can have it redelivered to your address, or you can pick it up from the nearest parcel shop tomorrow — whichever suits you better.',
        'I can send a replacement today by express delivery, or refund the order in full straight away. What would you prefer?',
        'If the delivery date does not work for you, I can change it to a day that suits you or redirect the parcel to your work address.',
      ],
      questions: [
        {
          ask: [
            'When will it arrive?',
            'So when will I actually get it?',
            'Can you tell me when it will be delivered?',
          ],
          answers: [
            'The courier will deliver it {dateOn}, between 8 am and 1 pm.',
            "It's on the van for tomorrow: you'll get it {dateOn}, {timeBy}, and you'll get a text with a one-hour window in the morning.",
            'The new parcel ships today and arrives {dateBy}.',
          ],
        },
        {
          ask: [
            'Where is it now?',
            'Where exactly is the parcel at the moment?',
            'Can you at least tell me where it is?',
          ],
          answers: [
            "It's at the courier's Croydon depot and was scanned there this morning at 7:40.",
            'It was scanned at the Birmingham hub last night and is now on the way to your local depot.',
            "It's back in our warehouse in Milton Keynes; it will be sent out again {dateOn}.",
          ],
        },
      ],
      nextSteps: [
        "You'll receive a text with the tracking link as soon as the courier picks it up; please keep your phone nearby on the delivery day.",
        "I've added your flat number to the delivery address, so the same thing won't happen again.",
        "If the parcel doesn't arrive {dateBy}, just reply here and I'll refund you immediately, no questions asked.",
      ],
      articles: [
        {
          title: 'Tracking your order',
          url: 'https://help.lumio.example/en/articles/2003-tracking-your-order',
        },
        {
          title: 'What to do if a parcel is late',
          url: 'https://help.lumio.example/en/articles/2019-late-parcels',
        },
      ],
      notes: [
        'Courier ticket opened for {order}, awaiting proof of delivery.',
        'Parcel {order} lost in transit, replacement order created.',
      ],
    },
    refund: {
      subjects: ['Refund for returned item', 'Still waiting for my refund', 'Refund for order {order}'],
      openings: [
        "I sent back the headphones from order {order} three weeks ago and I still haven't got my {amount} back.",
        "You confirmed my return was received, but there's no refund yet. How long is this supposed to take?",
        "I cancelled order {order} before it shipped and was told I would get a refund within five days. It's been two weeks.",
      ],
      details: [
        'Order {order}, returned by post on the 2nd. I have the receipt from the post office.',
        'The order number is {order}. I paid by card.',
        "It's {order}, I paid {amount} with PayPal.",
      ],
      explanations: [
        'Your return was received on the 14th, but the refund was put on hold because the box arrived without the charger. I can see now that the charger was in a separate envelope, so I have released it.',
        'The refund was approved, but it was sent to a card that has since expired, so your bank returned it to us.',
        'The return was registered against the wrong order, which is why the refund never started. I have corrected it.',
      ],
      jargon: [
        'The RMA got closed without a credit memo because the WMS flagged a partial receipt, so finance never triggered the payout.',
        "It's sitting in the chargeback queue with a PSP mismatch, we need a manual recon before it can be re-pushed.",
      ],
      options: [
        'I can refund it to your original card, which takes a few days, or give you store credit straight away with an extra 10% on top.',
        'I can send the refund by bank transfer instead of to the card, or add it to your account as credit — both are immediate on our side.',
      ],
      questions: [
        {
          ask: [
            'When will I actually see the money?',
            'When will the refund arrive?',
            'How long will it take this time?',
          ],
          answers: [
            'I issued the refund a minute ago; it will be back on your card {dateBy}.',
            "The transfer goes out today, so you'll have the money {dateOn} at the latest.",
            'Card refunds take {days}, so you will see it {dateBy}.',
          ],
        },
        {
          ask: [
            'How much are you refunding?',
            'Will I get the full amount back?',
            'Is the delivery fee refunded too?',
          ],
          answers: [
            'You get the full {amount}, including the original delivery charge.',
            'The refund is {amount}: the price of the item plus the original delivery fee.',
          ],
        },
      ],
      nextSteps: [
        "You'll get a confirmation e-mail with the refund reference. If the money isn't there {dateBy}, send us a screenshot of your statement and I'll chase it with the bank.",
        "You don't need to do anything else; I'll check {dateOn} that the payment has gone through.",
        'Please keep the post office receipt until the refund arrives, just in case.',
      ],
      articles: [
        {
          title: 'Returns and refunds',
          url: 'https://help.lumio.example/en/articles/3001-returns-and-refunds',
        },
        {
          title: 'Refund times by payment method',
          url: 'https://help.lumio.example/en/articles/3008-refund-times',
        },
      ],
      notes: [
        'Refund of {amount} for {order} released manually.',
        'Return for {order} was booked to the wrong order, fixed.',
      ],
    },
    technical: {
      subjects: [
        'Internet not working',
        'Router keeps dropping connection',
        'No broadband since this morning',
      ],
      openings: [
        'My internet has been down since this morning. The light on the router is flashing red.',
        'The Wi-Fi keeps dropping every ten minutes or so. I work from home, so this is a real problem.',
        "Speeds have been terrible all week, I'm paying for 500 Mb and getting about 20.",
        "I have no connection at all. I've restarted the router three times and nothing changes.",
      ],
      details: [
        'The router is the white Lumio Hub 2. All the lights are on except the internet one.',
        "I've tried a cable as well, same thing. The account is under my name.",
        'It started around 8 this morning. Nothing was changed on my side.',
      ],
      explanations: [
        'There is a fault at the street cabinet that serves your area; our engineers are already on site repairing it, so your router itself is fine.',
        'Your router is on an old firmware version that causes these drop-outs. I have just pushed an update to it remotely.',
        'Our tests show the line from the cabinet to your home is degraded, which explains the low speeds. An engineer needs to replace it.',
        'There is a planned maintenance in your area that ran longer than expected; the network should come back shortly.',
      ],
      jargon: [
        "There's an SNR margin issue on your VDSL line and the DSLAM port keeps resyncing, I'll raise it with NOC for a line test.",
        "Looks like a PPPoE auth failure upstream of the BRAS, so it's L2 now, we'll need an MTR trace before anyone can look.",
      ],
      options: [
        'I can book an engineer visit, or send you a new router by courier first to rule it out — or both, if you prefer.',
        'While the repair is under way, I can add 20 GB of free mobile data so you can use your phone as a hotspot, or credit the days without service to your bill.',
        'We can try a quick reset together now, and if that does not help I will book an engineer straight away.',
      ],
      questions: [
        {
          ask: [
            'When will it work again?',
            "How long until it's fixed?",
            'When will I have internet again? I need it for work.',
          ],
          answers: [
            'The engineers expect to have the cabinet repaired today {timeBy}.',
            'The engineer can come {dateOn} between 8 am and 12 noon; the repair usually takes about an hour.',
            'The update takes about ten minutes. Your connection should be stable again {timeBy}.',
          ],
        },
        {
          ask: [
            'Will I get anything back for the days without internet?',
            "Am I going to pay for days when it didn't work?",
            'Is there any compensation?',
          ],
          answers: [
            "Yes, you'll get {amount2} credited to your next bill for the days without service — it's applied automatically.",
            "You won't pay for those days: I've added a credit of {amount2}, which you'll see on your next invoice.",
          ],
        },
      ],
      nextSteps: [
        'Please leave the router switched on so we can monitor the line. You will get a text when the repair is finished.',
        'The engineer will call you about 30 minutes before arriving. Please make sure someone over 18 is at home.',
        'If the connection drops again after the update, restart the router once and reply to this message with the time it happened.',
      ],
      articles: [
        {
          title: 'Router lights explained',
          url: 'https://help.lumio.example/en/articles/4002-router-lights',
        },
        { title: 'Fixing slow Wi-Fi at home', url: 'https://help.lumio.example/en/articles/4015-slow-wifi' },
      ],
      notes: [
        'Known outage at cabinet, ref {ticket}. Customer informed.',
        'Line test failed, engineer visit booked. Check tomorrow that the visit happened.',
      ],
    },
    account_access: {
      subjects: ["Can't log in to my account", 'Password reset email not arriving', 'Account locked'],
      openings: [
        "I can't log in to the Lumio app. It says my password is wrong, but I'm sure it's right.",
        "I've asked for a password reset three times and the e-mail never arrives.",
        'My account has been locked after too many attempts and I need to pay a bill today.',
        'I changed my phone and now the app asks for a verification code that goes to my old number.',
      ],
      details: [
        'The account e-mail is {email}.',
        "It's registered to {email}. My date of birth is on the account as well.",
        'My login is {email}, and the account is in my name.',
      ],
      explanations: [
        'Your account was locked automatically after five failed attempts; this protects it from someone guessing the password. I have unlocked it now.',
        'Our reset e-mails were being blocked by your e-mail provider, so they landed in quarantine rather than in your inbox. I have sent a new link from a different address.',
        'The verification code still goes to your old number because it is saved as the security number on the account. I have changed it to your new one.',
      ],
      jargon: [
        "Your SSO token's invalid because the IdP flagged the session, I've forced a re-auth and cleared the MFA binding.",
        "The reset mail's bouncing on SPF, so it's stuck in the MTA queue; I've re-triggered the OTP flow.",
      ],
      options: [
        'I can send you a new reset link by e-mail, or a one-time code by text message — whichever is easier for you right now.',
        'If you need to pay the bill today, I can take the payment over the phone, or you can use the quick-pay link without logging in.',
      ],
      questions: [
        {
          ask: [
            'How long is the link valid?',
            'How long will it take to unlock it?',
            'When can I log in again?',
          ],
          answers: [
            'The new link is valid for {hours}, so please use it today.',
            "It's unlocked already — you can log in right now; the new code arrives within a minute.",
          ],
        },
        {
          ask: [
            'Where do I change the password afterwards?',
            'How do I change the phone number myself next time?',
          ],
          answers: [
            'In the app, go to Profile → Security → Change password. It takes about a minute.',
            'Open the app, tap Profile, then Security, and choose "Change phone number"; you will get a code on the new number to confirm it.',
          ],
        },
      ],
      nextSteps: [
        "Once you're in, please set a new password and switch on two-step verification so this doesn't happen again.",
        'If the e-mail is not there in five minutes, please check the spam folder and then reply to me here.',
        'Your old number has been removed from the account, so codes will only go to the new one from now on.',
      ],
      articles: [
        {
          title: 'Resetting your password',
          url: 'https://help.lumio.example/en/articles/5004-reset-password',
        },
        {
          title: 'Two-step verification',
          url: 'https://help.lumio.example/en/articles/5011-two-step-verification',
        },
      ],
      notes: [
        'Account unlocked after ID check (DOB + last invoice amount).',
        'Reset mails blocked by provider, sent via backup sender.',
      ],
    },
    plan_change: {
      subjects: ['Upgrading my plan', 'Switch to a cheaper plan', 'Question about {plan2}'],
      openings: [
        "I'm on {plan} at the moment and I'd like to upgrade to something faster. What are my options?",
        'My bill is too high for what I use. Can I move to a cheaper plan?',
        "I saw the {plan2} offer on your website. Can I switch to it even though I'm still in contract?",
      ],
      details: [
        "I'm on {plan}, the contract started last spring.",
        'The account is in my name, and the current plan is {plan}.',
      ],
      explanations: [
        'You can change plan at any time: an upgrade starts right away, and a downgrade starts at the beginning of your next billing period.',
        'Because you are still in the first year of your contract, a downgrade is possible but the old price applies until the contract ends; an upgrade has no fee at all.',
        '{plan2} has double the speed of your current plan and includes unlimited calls, so it fits what you described.',
      ],
      jargon: [
        "It'd be a mid-term regrade, so there's an ETC unless it's a like-for-like SKU swap within the same tier.",
        "I'll need to raise a MAC order and the new tariff code gets provisioned on the next bill-run.",
      ],
      options: [
        'You could go for {plan2}, which is faster, or keep your plan and add the 100 GB mobile bundle — let me know which sounds better.',
        'There are two cheaper options: {plan2} with the same speed and fewer extras, or your current plan with a loyalty discount for 12 months.',
        'I can switch you today, or book the change for the start of your next billing period so you are not charged twice in one month.',
      ],
      questions: [
        {
          ask: [
            'How much will it cost?',
            "What's the monthly price?",
            'How much more would I pay per month?',
          ],
          answers: [
            '{plan2} costs {amount2} a month, and there is no fee for switching.',
            "You'd pay {amount2} a month, which is {amount} more than now, with no extra one-off charges.",
          ],
        },
        {
          ask: ['When would the change happen?', 'From when does it apply?', 'When does the new plan start?'],
          answers: [
            'The new plan starts {dateOn}, at the beginning of your next billing period.',
            'It takes effect today {timeBy}; you will get a text when it is active.',
          ],
        },
      ],
      nextSteps: [
        "I've made the change; you'll get an e-mail with the new contract summary, and there's nothing else you need to do.",
        "I've reserved the offer for you for seven days — just reply 'yes' here to confirm it.",
        'Your router does not need to be replaced; it will pick up the new speed after a restart tonight.',
      ],
      articles: [
        { title: 'Compare our plans', url: 'https://www.lumio.example/en/plans' },
        {
          title: 'Changing your plan',
          url: 'https://help.lumio.example/en/articles/6002-changing-your-plan',
        },
      ],
      notes: [
        'Upsell to {plan2} done, customer happy.',
        'Customer wants a cheaper plan, retention offer made.',
      ],
    },
    agent_complaint: {
      subjects: ['Complaint about your staff', 'Nobody called me back as promised', 'Formal complaint'],
      openings: [
        'I called last week and the person I spoke to was rude and just hung up on me.',
        'I was promised a callback within 24 hours. That was five days ago and nobody has called.',
        'Your colleague told me my refund was done. It turns out nothing was ever processed.',
        "I've been passed between four different people and every one told me something different.",
      ],
      details: [
        'It was on Tuesday afternoon, the reference I got was {ticket}.',
        "The call was last Thursday around 3 pm. I didn't get the agent's name.",
      ],
      explanations: [
        'I have read the notes from your previous contact, and you are right: the callback was never scheduled. That should not have happened.',
        'Looking at your case, my colleague gave you incorrect information about the refund. I have now processed it properly.',
        'I have listened to the recording of your call, and the way you were spoken to was not acceptable. It has been passed to the team manager.',
      ],
      jargon: [
        'The previous interaction was closed without a disposition code, so it never hit the callback queue in the WFM tool.',
        'It was logged as FCR by mistake, so the SLA timer never started on the follow-up task.',
      ],
      options: [
        "I can take the case over myself from now on so you don't have to explain it again, and also add a goodwill credit to your account.",
        'I can register this as a formal complaint with a written reply, or the team manager can call you directly — or both.',
      ],
      questions: [
        {
          ask: [
            'What are you going to do about it?',
            'Will anyone actually deal with this?',
            'When will I hear back?',
          ],
          answers: [
            "I've registered your complaint under {ticket}; the team manager will reply in writing {dateBy}.",
            'I will call you myself {dateOn} {timeAt} with the outcome.',
          ],
        },
        {
          ask: ['Will I get the compensation I was promised?', 'What about the credit I was told about?'],
          answers: [
            'Yes — a credit of {amount2} has been added today and will show on your next invoice.',
            'The {amount2} credit was never applied; I have added it now, and you will see it on the bill dated {dateOn}.',
          ],
        },
      ],
      nextSteps: [
        "Your complaint has the reference {ticket}; you'll receive a written response by e-mail, and I'll stay your contact until it's closed.",
        'You will get a call from the team manager; if you prefer a particular time, just let me know.',
      ],
      articles: [
        {
          title: 'Our complaints procedure',
          url: 'https://help.lumio.example/en/articles/7001-complaints-procedure',
        },
      ],
      notes: [
        'Complaint about agent behaviour, call recording requested for review.',
        'Promised callback never scheduled; passed to TL for coaching.',
      ],
    },
    cancellation: {
      subjects: ['Cancel my contract', 'I want to cancel', 'Cancellation request'],
      openings: [
        "I'd like to cancel my broadband contract. I'm moving abroad next month.",
        'Please cancel my subscription. I found a cheaper offer elsewhere.',
        "How do I cancel? I can't find the option anywhere in the app.",
      ],
      details: [
        'The account is in my name, on {plan}.',
        "I'm on {plan}. The contract started about eighteen months ago.",
      ],
      explanations: [
        "Your minimum term has already ended, so you can cancel without any fee with 30 days' notice.",
        'You still have five months left on your minimum term, so an early termination fee applies; moving abroad counts as an exception if you send us proof of the new address.',
        'Cancellation can only be done by our team rather than in the app, so I can do it for you right now.',
      ],
      jargon: [
        "You're within MCP so there's an ETF, unless retentions can apply a CoA waiver before the cease date.",
        "I'll raise a cease order, the port-out will auto-trigger the final bill on the next cycle.",
      ],
      options: [
        "I can cancel it with 30 days' notice, or, if price is the reason, offer you {plan2} at {amount2} a month for the next year.",
        'You can cancel now and return the router by post, or pause the service for up to three months if you might come back.',
      ],
      questions: [
        {
          ask: [
            'How much is the cancellation fee?',
            'Will I have to pay anything to leave?',
            'What will the final bill be?',
          ],
          answers: [
            "The early termination fee is {amount2}; it'll be on your final bill.",
            "There's no cancellation fee in your case; your final bill will be {amount2}, covering service up to the end date.",
          ],
        },
        {
          ask: ['When does the contract end?', 'Until when will the service work?'],
          answers: [
            'Your service stays active until {dateOn}, and the contract ends on that day.',
            'Everything keeps working until the end date; the last day of service will be {dateOn}.',
          ],
        },
      ],
      nextSteps: [
        "You'll get a cancellation confirmation by e-mail within the hour, and a prepaid return label for the router.",
        'Please send the router back within 14 days of the end date, otherwise a charge for it is added to the final bill.',
      ],
      articles: [
        { title: 'Cancelling your service', url: 'https://help.lumio.example/en/articles/8003-cancelling' },
      ],
      notes: ['Retention offer declined, cancellation booked.', 'Customer accepted retention offer {plan2}.'],
    },
    damaged_item: {
      subjects: ['Item arrived damaged', 'Broken phone in the parcel', 'Damaged delivery {order}'],
      openings: [
        'The phone I ordered arrived today with a cracked screen. The box was dented as well.',
        "The router from order {order} doesn't switch on at all, and there's a rattling sound inside.",
        'I opened the parcel and the tablet has a big scratch across the back. This was supposed to be new!',
      ],
      details: [
        'Order {order}. I took photos of the box and the phone as soon as I opened it.',
        "It's order {order}, delivered this morning.",
      ],
      explanations: [
        'It looks like the parcel was damaged in transit; the dent on the box matches that. You are of course entitled to a new one.',
        'This happens occasionally when a device is dropped during delivery. You will not be charged for any of it.',
      ],
      jargon: [
        "I'll log it as DOA and raise an RMA with the carrier claim code, the swap goes via the advance replacement SKU.",
        "It'll have to go through the DOA flow with a QC check before logistics releases the replacement.",
      ],
      options: [
        'I can send you a replacement straight away, or give you a full refund — and if you prefer, the courier can swap it at the door.',
        'You can have a new one delivered tomorrow, or exchange it in any Lumio shop today if one is near you.',
      ],
      questions: [
        {
          ask: [
            'When will I get the new one?',
            'How quickly can you send a replacement?',
            'When can I expect it?',
          ],
          answers: [
            "The replacement ships today and will be with you {dateBy}; you'll get a tracking link by text.",
            'The courier will bring the new one {dateOn} between 8 am and 6 pm and take the damaged one at the same time.',
          ],
        },
        {
          ask: ['Do I have to pay for the return?', 'Who pays for sending it back?'],
          answers: [
            "No, the return is free: we'll send you a prepaid label, and the courier collects it {dateOn}.",
            'You pay nothing — the courier takes the damaged one when they deliver the new one.',
          ],
        },
      ],
      nextSteps: [
        'Please keep the damaged device and its box; the courier will collect them when delivering the new one.',
        "Please reply with a photo of the damage if you can; it helps with the courier claim, but the replacement won't wait for it.",
      ],
      articles: [
        {
          title: 'Damaged or faulty items',
          url: 'https://help.lumio.example/en/articles/9002-damaged-items',
        },
      ],
      notes: [
        'Transit damage, replacement order created for {order}.',
        'Photos received, carrier claim opened.',
      ],
    },
  },

  customerHellos: ['Hi,', 'Hello,', 'Hi there,', 'Hey,', 'Hello.'],
  customerSignoffs: ['Thanks,\n{given}', 'Regards,\n{customer}', 'Kind regards,\n{customer}', '{given}'],
  repeatContact: [
    'I already contacted you about this last week and nothing has changed.',
    "This is the second time I'm writing about this.",
    'I called on Monday about the same thing and was told it would be sorted.',
  ],
  frustration: [
    'This is really frustrating.',
    'Honestly, this is unacceptable.',
    "I'm fed up with this.",
    'I expected much better from you.',
  ],
  complaintWording: [
    'I want to make a formal complaint.',
    'Please register this as a complaint.',
    "I'm not happy with how this has been handled and I want it on record as a complaint.",
  ],
  pushback: [
    "That doesn't answer my question. When exactly?",
    "'As soon as possible' isn't an answer. I need a date.",
    'You keep saying that. Can you give me an actual answer?',
  ],
  escalationRequests: [
    'I want to speak to your supervisor.',
    'Can I talk to a manager, please?',
    'Please pass me to someone more senior.',
  ],
  nameReplies: ["It's {customer}.", '{customer}.', 'My name is {customer}.', '{given}.'],
  choices: [
    'The first option, please.',
    "I'll go with the second one.",
    "The first one sounds better, let's do that.",
    'OK, please do that.',
  ],
  acknowledgements: ['OK, thank you.', 'Alright.', 'OK, I see.', 'Right, got it.', 'Fine.'],
  backchannel: ['Mhm.', 'Yes.', 'OK.', 'Right.', 'Yeah.'],
  nothingElse: [
    "No, that's all, thanks.",
    "No, that's everything.",
    "That's it, thank you.",
    'No, nothing else.',
  ],
  closingsHappy: [
    'Great, thank you so much for your help!',
    "Brilliant, thanks. You've been really helpful.",
    'Thanks a lot, have a nice day!',
    'Perfect, thank you!',
  ],
  closingsAngry: [
    "Whatever. I'm not impressed.",
    "This is useless. I'm going to look for another provider.",
    "Fine. I'll be leaving a review about this.",
    "I can't believe how hard this is.",
  ],
  chasers: [
    'Hi, any news on this? It has been a few days.',
    "I still haven't heard anything back. What's happening with my case?",
    'Just following up — is there any update?',
  ],
  reopenings: [
    "Hi again, the problem is back. It worked for two days and now it's the same as before.",
    "I'm afraid this isn't solved after all. The same thing happened again today.",
    'Hello, I have to reopen this — nothing has actually changed.',
  ],

  greetings: {
    morning: ['Good morning'],
    afternoon: ['Good afternoon'],
    evening: ['Good evening'],
    neutral: ['Hello', 'Hi', 'Hi there'],
  },
  emailSalutations: ['Dear {name},', 'Hello {name},', 'Hi {name},'],
  emailSalutationsPlain: ['Hello,', 'Dear customer,', 'Hi,'],
  emailSignoffs: [
    'Kind regards,\n{agentFull}\n{company} Customer Care',
    'Best wishes,\n{agent}\n{company} Support',
    'Regards,\n{agent} | {company} Customer Care',
  ],
  introductions: [
    "My name is {agent}, and I'll be helping you today.",
    "You're chatting with {agent}.",
    "I'm {agent}.",
  ],
  phoneIntroductions: [
    '{company} customer service, {agent} speaking, how can I help?',
    "Thank you for calling {company}, you're speaking to {agent}. How can I help you today?",
  ],
  askName: [
    'May I have your full name, please?',
    'Could I take your name, please?',
    'Who am I speaking with, please?',
  ],
  howCanIHelp: ['How can I help you?', 'What can I do for you today?', 'How can I help?'],
  askDetails: [
    'Could you give me your order, invoice or account details, please?',
    'Could you tell me a bit more, so I can check it properly?',
    'Could you confirm a few details for me, please?',
  ],
  empathy: [
    "I'm really sorry this happened to you.",
    "I'm sorry for the trouble, I completely understand how annoying this is.",
    'I apologise for the inconvenience — let me sort this out for you.',
    "I'm sorry you've had to contact us about this; I understand it's frustrating.",
  ],
  hold: [
    "Let me check that for you, it'll take a minute or two.",
    "One moment please, I'm looking into it.",
    'Bear with me while I check your account.',
  ],
  afterHold: [
    'Thank you for waiting.',
    'Thanks for holding.',
    'Thank you for your patience while I checked.',
  ],
  vague: [
    "We're working on it.",
    'It should be sorted as soon as possible.',
    "I can't say exactly, it's being processed.",
    "It's with the relevant team.",
    'Soon, hopefully.',
  ],
  estimates: [
    'Everything should be sorted {dateBy}.',
    "I'd expect this to be finished {dateBy} at the latest.",
    'You can count on it being resolved {dateBy}.',
    'It usually takes about {days}, so it will all be done {dateBy}.',
  ],
  articleOffers: [
    'For next time, here is a short guide: "{title}" — {url}',
    "You'll find step-by-step instructions here: {url}",
    'This article explains it in more detail: {url}',
  ],
  rude: [
    'You should have read the terms and conditions before ordering.',
    'As I already told you, there is nothing more I can do.',
    "That's not our fault, you must have entered something wrong.",
    "Well, if you'd done what we said the first time, this wouldn't have happened.",
    "Calm down, please. Shouting at me won't make it faster.",
  ],
  escalationOffers: [
    "Of course. I'm passing your case to my supervisor now; they will contact you within {hours}.",
    "I understand. I'll transfer you to a senior colleague who can approve an exception.",
    'If you would like, I can escalate this to my team leader — they can look at options I am not able to offer.',
  ],
  transferOffers: [
    "This is handled by a different team — I'll transfer you to them now, so you don't have to start again.",
    "I'll pass you to the colleagues who deal with this; they'll see everything you've written.",
  ],
  escalationRefusals: [
    "There's no one else who can help you with this.",
    'My supervisor will tell you exactly the same thing.',
    "I can't transfer you, you'll have to accept this answer.",
  ],
  escalationPickups: [
    "This is {agent}, I'm a team leader. I've read through your case and I'm going to take it from here.",
    "{agent} here from the escalations team. I've got all the details, so you won't need to repeat anything.",
  ],
  anythingElse: [
    'Is there anything else I can help you with?',
    'Is there anything else I can do for you today?',
    'Can I help with anything else?',
  ],
  thanks: [
    'Thank you for your patience.',
    'Thanks for your time today.',
    'Thank you for bearing with us while we sorted this out.',
    'Thank you for getting in touch.',
  ],
  ratingRequests: [
    "You'll receive a short survey after this conversation — I'd really appreciate it if you could rate our conversation.",
    'If you have a moment, please rate this conversation in the survey that follows; it really helps us improve.',
    'Could you please rate my service using the link you will receive? Any feedback, good or bad, is welcome.',
  ],
  farewells: ['Have a lovely day!', 'Take care, goodbye!', 'Have a good rest of your day.', 'Bye for now!'],
  followUps: [
    'A quick update on your case: it is still in progress, and I expect it to be finished {dateBy}. I will write again tomorrow.',
    'As promised, here is an update: the team has confirmed the fix, and everything should be done {dateBy}.',
  ],
  reopenReplies: [
    "I'm sorry to hear it's back. I've reopened your case and I'm looking at it now.",
    "Thank you for letting us know. I've reopened the case so we can finish this properly.",
  ],
  botGreetings: [
    "Hi! I'm Lumio's virtual assistant. Please tell me briefly what you need help with.",
    'Welcome to Lumio support! What can I help you with today?',
  ],
  botHandoffs: [
    "Thanks! I'm connecting you to one of our agents. Current waiting time is about 2 minutes.",
    'I will pass you to a member of our team now — please stay in the chat.',
  ],
  transferNotices: ['Conversation transferred to {team}.', 'Transferred to {team} by agent.'],
  genericNotes: [
    'Customer sounded upset, handle with care.',
    'Checked with {team}, waiting for their answer before replying.',
    'Case {ticket}: follow up tomorrow if no update.',
    'Customer has contacted us several times about this, see earlier tickets.',
  ],
  surveyPositive: [
    'Quick and friendly, thank you!',
    'The agent was very helpful and explained everything clearly.',
    'Problem solved in one go. Great service.',
    'Really patient and polite, thanks.',
  ],
  surveyNeutral: ['It was fine, but it took a while.', 'OK in the end, but I had to ask twice.', 'Average.'],
  surveyNegative: [
    'Nobody could give me a straight answer.',
    'Rude and unhelpful.',
    'Still not fixed. Waste of time.',
    'I was passed around and had to repeat everything.',
  ],
};
