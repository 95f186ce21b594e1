/**
 * Croatian phrase bank. Agents use the polite «Vi» with a capital letter and address men by the
 * vocative of the first name («Petre»); prices in euros, dates like «12. ožujka».
 */
import type { Random } from '../demo.random.js';
import { groupThousands, type PhraseBank, shopPrice, slavicPlural } from './phrase-bank.js';

const MONTHS_GENITIVE = [
  'siječnja',
  'veljače',
  'ožujka',
  'travnja',
  'svibnja',
  'lipnja',
  'srpnja',
  'kolovoza',
  'rujna',
  'listopada',
  'studenoga',
  'prosinca',
];

function dayMonth(date: Date): string {
  return `${date.getUTCDate()}. ${MONTHS_GENITIVE[date.getUTCMonth()]}`;
}

function clock(hour: number, minute: number): string {
  return minute === 0 ? `${hour} sati` : `${hour}:${minute < 10 ? `0${minute}` : minute}`;
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let index = 0; index < count; index++) out += String(random.int(0, 9));
  return out;
}

/** Croatian phrases. */
export const hr: PhraseBank = {
  language: 'hr',
  names: {
    male: [
      { name: 'Ivan', vocative: 'Ivane' },
      { name: 'Marko', vocative: 'Marko' },
      { name: 'Luka', vocative: 'Luka' },
      { name: 'Josip', vocative: 'Josipe' },
      { name: 'Petar', vocative: 'Petre' },
      { name: 'Tomislav', vocative: 'Tomislave' },
      { name: 'Ante', vocative: 'Ante' },
      { name: 'Nikola', vocative: 'Nikola' },
      { name: 'Stjepan', vocative: 'Stjepane' },
      { name: 'Mario', vocative: 'Mario' },
      { name: 'Filip', vocative: 'Filipe' },
      { name: 'Davor', vocative: 'Davore' },
      { name: 'Krešimir', vocative: 'Krešimire' },
      { name: 'Zoran', vocative: 'Zorane' },
      { name: 'Goran', vocative: 'Gorane' },
      { name: 'Hrvoje', vocative: 'Hrvoje' },
      { name: 'Damir', vocative: 'Damire' },
      { name: 'Igor', vocative: 'Igore' },
      { name: 'Matej', vocative: 'Mateju' },
      { name: 'Domagoj', vocative: 'Domagoje' },
    ],
    // Names of three or more syllables keep their form in the vocative.
    female: [
      { name: 'Ivana', vocative: 'Ivana' },
      { name: 'Marija', vocative: 'Marija' },
      { name: 'Katarina', vocative: 'Katarina' },
      { name: 'Lucija', vocative: 'Lucija' },
      { name: 'Martina', vocative: 'Martina' },
      { name: 'Kristina', vocative: 'Kristina' },
      { name: 'Mirjana', vocative: 'Mirjana' },
      { name: 'Jelena', vocative: 'Jelena' },
      { name: 'Nikolina', vocative: 'Nikolina' },
      { name: 'Antonija', vocative: 'Antonija' },
      { name: 'Dubravka', vocative: 'Dubravka' },
      { name: 'Snježana', vocative: 'Snježana' },
      { name: 'Gordana', vocative: 'Gordana' },
      { name: 'Tatjana', vocative: 'Tatjana' },
      { name: 'Valentina', vocative: 'Valentina' },
      { name: 'Andreja', vocative: 'Andreja' },
      { name: 'Helena', vocative: 'Helena' },
      { name: 'Tihana', vocative: 'Tihana' },
      { name: 'Barbara', vocative: 'Barbara' },
      { name: 'Magdalena', vocative: 'Magdalena' },
    ],
    surnames: [
      'Horvat',
      'Kovačević',
      'Babić',
      'Marić',
      'Jurić',
      'Novak',
      'Kovačić',
      'Knežević',
      'Vuković',
      'Marković',
      'Petrović',
      'Matić',
      'Tomić',
      'Pavlović',
      'Kovač',
      'Božić',
      'Blažević',
      'Grgić',
      'Pavić',
      'Radić',
      'Perić',
      'Šarić',
      'Lovrić',
      'Vidović',
      'Perković',
      'Popović',
      'Bošnjak',
      'Jukić',
      'Barišić',
      'Šimić',
    ].map((surname) => ({ male: surname, female: surname })),
  },
  formatName(given, surname, female, _father, formal) {
    const family = female ? surname.female : surname.male;
    // Women's surnames do not decline, so «gospođo Horvat» is safe; men are addressed by the vocative.
    const address = formal && female ? `gospođo ${family}` : (given.vocative ?? given.name);
    return { full: `${given.name} ${family}`, given: given.name, address };
  },
  // No weekday: «u četvrtak, 6. studenoga» inside a sentence would need a closing comma the templates cannot know.
  dateOn: (date) => dayMonth(date),
  dateBy: (date) => `do ${dayMonth(date)}`,
  timeAt: (hour, minute) => `u ${clock(hour, minute)}`,
  timeBy: (hour, minute) => `do ${clock(hour, minute)}`,
  days: (count) => `${count} ${slavicPlural(count, 'radni dan', 'radna dana', 'radnih dana')}`,
  hours: (count) => `${count} ${slavicPlural(count, 'sat', 'sata', 'sati')}`,
  money(euros) {
    const price = shopPrice(euros);
    const whole = Math.floor(price);
    const cents = Math.round((price - whole) * 100);
    return `${groupThousands(whole, '.', true)},${cents < 10 ? `0${cents}` : cents}\u00a0€`;
  },
  phone(random) {
    const code = random.pick(['91', '92', '95', '97', '98', '99']);
    const line = digits(random, 7);
    if (random.chance(0.4)) return `+385 ${code} ${line.slice(0, 3)} ${line.slice(3)}`;
    if (random.chance(0.5)) return `+385${code}${line}`;
    return `0${code} ${line.slice(0, 3)} ${line.slice(3)}`;
  },
  keepsCapital: /^(?:Vi|Vas|Vam|Vama|Vaš\p{L}*|Lumio)(?!\p{L})/u,

  topics: {
    billing: {
      subjects: ['Dvostruka naplata ovaj mjesec', 'Pogrešan iznos na računu', 'Upit o računu {invoice}'],
      openings: [
        'Upravo sam {pogledao|pogledala} izvod iz banke i vidim da ste mi dvaput naplatili {amount} za isti račun.',
        'Račun za ovaj mjesec iznosi {amount}, što je puno više nego inače. Ništa nisam {mijenjao|mijenjala} na tarifi, o čemu se radi?',
        'Na računu {invoice} je stavka koju ne prepoznajem. Nikakve dodatne usluge nisam {naručivao|naručivala}.',
        'Naplaćeno mi je {amount} iako sam prethodni račun {platio|platila} u cijelosti. Možete li to provjeriti, molim vas?',
      ],
      details: [
        'Broj računa je {invoice}, a ugovor glasi na mene.',
        'Račun {invoice}. Iznos je skinut 3., a onda opet 5. u mjesecu.',
        'Radi se o računu {invoice}. Mogu vam poslati snimku zaslona izvoda ako treba.',
      ],
      explanations: [
        'Vidim što se dogodilo: izravno terećenje provedeno je dvaput jer je naš sustav prvu uplatu označio kao neuspjelu, iako ju je Vaša banka već izvršila.',
        'Veći iznos dolazi od jednokratne naknade za mobilni internet u roamingu prošli mjesec, koja je dodana na ovaj račun.',
        'Promotivni popust na Vašu tarifu istekao je prošli mjesec, pa je na računu prvi put puna cijena.',
        'Dodatna stavka odnosi se na plaćenu SMS uslugu koja je aktivirana na Vašem broju 12. u mjesecu.',
      ],
      jargon: [
        'Direktno terećenje ponovno je prezentirano nakon reject flaga banke, pa u ledgeru stoji duplo knjiženje dok se ne napravi rekoncilijacija.',
        'To je pro-rata korekcija zbog promjene MRC-a usred ciklusa, billing engine još nije netirao OTC.',
      ],
      options: [
        'Mogu Vam vratiti dvostruku uplatu na karticu ili je ostaviti kao kredit tako da Vam je sljedeći račun pokriven — što Vam više odgovara?',
        'Ovo možemo riješiti na dva načina: mogu isključiti dodatnu uslugu i vratiti Vam iznos ili Vas prebaciti na tarifu koja je uključuje po nižoj cijeni.',
        'Razliku Vam mogu vratiti na bankovni račun ili je oduzeti od sljedećeg računa. Obje opcije su besplatne.',
      ],
      questions: [
        {
          ask: [
            'Kada ću dobiti novac natrag?',
            'Koliko treba da mi novac sjedne na račun?',
            'A kada će točno stići povrat?',
          ],
          answers: [
            'Povrat od {amount} napravljen je danas, pa ćete ga vidjeti na računu {dateBy}.',
            'Upravo sam ga {obradio|obradila}; banke obično trebaju {days}, pa očekujte {amount} najkasnije {dateBy}.',
            'Novac se vraća na karticu kojom ste platili: {amount} bit će uplaćeno {dateOn}.',
          ],
        },
        {
          ask: [
            'Koliko onda zapravo dugujem ovaj mjesec?',
            'Koliko bi onda trebao iznositi račun?',
            'Koliko ću platiti sljedeći mjesec?',
          ],
          answers: [
            'Ispravljeni račun za ovaj mjesec iznosi {amount2}, a novi račun sam Vam već {poslao|poslala}.',
            'Ovaj mjesec plaćate {amount2}, a od sljedećeg mjeseca opet redovnu mjesečnu naknadu.',
            'Nakon ispravka račun iznosi {amount2} i treba ga platiti {dateBy}.',
          ],
        },
      ],
      nextSteps: [
        'U roku od sat vremena dobit ćete e-mail s potvrdom povrata; ništa drugo ne morate raditi.',
        'Ispravljeni račun poslan je na Vaš e-mail. Molim Vas da platite samo njega, a stari zanemarite.',
        'Dodatnu uslugu sam {isključio|isključila}, pa se više neće pojavljivati na računima. Ako je ponovno vidite, samo odgovorite na ovu poruku.',
      ],
      articles: [
        { title: 'Kako čitati račun', url: 'https://help.lumio.example/hr/articles/1012' },
        { title: 'Kako funkcionira povrat novca', url: 'https://help.lumio.example/hr/articles/1047' },
      ],
      notes: [
        'Potvrđena dvostruka naplata, pokrenut povrat od {amount}. Provjeriti je li prošao.',
        'Korisnik osporava račun {invoice}. Čekamo da financije potvrde korekciju.',
      ],
    },
    delivery: {
      subjects: [
        'Gdje je moja narudžba {order}?',
        'Narudžba {order} još nije dostavljena',
        'Kašnjenje dostave',
      ],
      openings: [
        'Prije više od tjedan dana {naručio|naručila} sam router, narudžba {order}, i još nije stigao. Praćenje se ne mijenja već četiri dana.',
        'Narudžba {order} trebala je stići jučer. Nitko nije došao ni nazvao.',
        'Praćenje za {order} kaže „dostavljeno”, ali ovdje nema ničega. {Pitao|Pitala} sam i susjede.',
        '{Platio|Platila} sam dodatno za dostavu sljedeći dan, a mobitela još nema. Narudžba {order}.',
      ],
      details: [
        'Broj narudžbe je {order}, dostava je na kućnu adresu.',
        'Narudžba {order}. Adresa je ista kao u mom profilu.',
        'To je {order}, {naručio|naručila} sam prošli ponedjeljak.',
      ],
      explanations: [
        '{Provjerio|Provjerila} sam s dostavnom službom: paket je zadržan u njihovu skladištu zbog greške pri sortiranju i sada je ponovno u vozilu za dostavu.',
        'Dostavljač ga je jučer pokušao dostaviti, ali na naljepnici nije bio broj stana, pa je paket vraćen u skladište.',
        'Vaša narudžba podijeljena je u dva paketa; prvi je dostavljen, a drugi je iz našeg skladišta krenuo tek jutros.',
        'Dostavna služba proglasila je paket izgubljenim, pa je najbrže da Vam pošaljemo novi.',
      ],
      jargon: [
        'Pošiljka je zapela u hubu s exception kodom, čekamo POD od prijevoznika prije nego što otvorimo RTS.',
        'Vodi se kao failed first attempt, pa je vraćena u linehaul i bit će remanifestirana u sljedećem ciklusu.',
      ],
      options: [
        'Mogu organizirati ponovnu dostavu na Vašu adresu ili paket možete sutra preuzeti u najbližem paketomatu — kako Vam više odgovara.',
        'Mogu Vam još danas poslati zamjenu ekspresnom dostavom ili Vam odmah vratiti cijeli iznos. Što biste više voljeli?',
        'Ako Vam datum dostave ne odgovara, mogu ga promijeniti na dan koji Vam paše ili preusmjeriti paket na adresu Vašeg posla.',
      ],
      questions: [
        {
          ask: [
            'Kada će stići?',
            'Pa kada ću ga zapravo dobiti?',
            'Možete li mi reći kada će biti dostavljen?',
          ],
          answers: [
            'Dostavljač će ga donijeti {dateOn}, između 9 i 13 sati.',
            'Paket je već raspoređen za dostavu: dobit ćete ga {dateOn}, a ujutro ćete dobiti SMS s terminom od sat vremena.',
            'Novi paket šalje se danas i stići će {dateBy}.',
          ],
        },
        {
          ask: ['Gdje je sada?', 'Gdje se paket točno nalazi?', 'Možete li mi barem reći gdje je?'],
          answers: [
            'U skladištu dostavne službe u Sesvetama, ondje je skeniran jutros u 7:40.',
            'Sinoć je skeniran u distribucijskom centru u Zagrebu i sada je na putu prema Vašem mjestu.',
            'Vraćen je u naše skladište u Svetoj Nedelji; ponovno će biti poslan {dateOn}.',
          ],
        },
      ],
      nextSteps: [
        'Čim ga dostavljač preuzme, dobit ćete SMS s poveznicom za praćenje; molim Vas da na dan dostave imate mobitel uz sebe.',
        'Broj stana sam {dodao|dodala} u adresu dostave, tako da se to više neće ponoviti.',
        'Ako paket ne stigne {dateBy}, samo mi odgovorite ovdje i odmah ću Vam vratiti novac, bez dodatnih pitanja.',
      ],
      articles: [
        { title: 'Praćenje narudžbe', url: 'https://help.lumio.example/hr/articles/2003' },
        { title: 'Što učiniti ako paket kasni', url: 'https://help.lumio.example/hr/articles/2019' },
      ],
      notes: [
        'Otvorena reklamacija prema dostavnoj službi za {order}, čekamo dokaz o dostavi.',
        'Paket {order} izgubljen u transportu, kreirana zamjenska narudžba.',
      ],
    },
    refund: {
      subjects: ['Povrat novca za vraćeni proizvod', 'Još čekam povrat novca', 'Povrat za narudžbu {order}'],
      openings: [
        'Prije tri tjedna {vratio|vratila} sam slušalice iz narudžbe {order} i još nisam {dobio|dobila} natrag {amount}.',
        'Potvrdili ste da ste primili povrat, ali novca još nema. Koliko bi to trebalo trajati?',
        '{Otkazao|Otkazala} sam narudžbu {order} prije slanja i rečeno mi je da ću novac dobiti u roku od pet dana. Prošla su dva tjedna.',
      ],
      details: [
        'Narudžba {order}, {poslao|poslala} sam je poštom 2. u mjesecu. Imam potvrdu s pošte.',
        'Broj narudžbe je {order}. {Platio|Platila} sam karticom.',
        'To je {order}, {platio|platila} sam {amount} preko PayPala.',
      ],
      explanations: [
        'Vaš povrat zaprimljen je 14., ali isplata je zaustavljena jer u kutiji nije bilo punjača. Sada vidim da je stigao u zasebnoj omotnici, pa sam isplatu {odobrio|odobrila}.',
        'Povrat je odobren, ali novac je poslan na karticu kojoj je istekao rok valjanosti, pa ga je banka vratila nama.',
        'Povrat je greškom evidentiran na pogrešnu narudžbu i zato isplata nikad nije pokrenuta. To sam sada {ispravio|ispravila}.',
      ],
      jargon: [
        'RMA je zatvoren bez knjižnog odobrenja jer je WMS označio djelomični primitak, pa financije nisu pokrenule isplatu.',
        'Stoji u chargeback redu zbog nepodudaranja s PSP-om, treba ručna rekoncilijacija prije ponovnog slanja.',
      ],
      options: [
        'Mogu Vam vratiti novac na karticu kojom ste platili, što traje nekoliko dana, ili Vam odmah dati kredit u trgovini s 10 % više.',
        'Povrat Vam mogu poslati bankovnom uplatom umjesto na karticu ili ga dodati kao kredit na Vaš profil — oboje je s naše strane odmah.',
      ],
      questions: [
        {
          ask: ['Kada ću zapravo vidjeti novac?', 'Kada će stići povrat?', 'Koliko će to ovaj put trajati?'],
          answers: [
            'Povrat sam {pokrenuo|pokrenula} prije minutu; novac će biti na Vašoj kartici {dateBy}.',
            'Uplata ide danas, pa ćete novac imati najkasnije {dateOn}.',
            'Povrat na karticu traje {days}, pa ćete ga vidjeti {dateBy}.',
          ],
        },
        {
          ask: ['Koliko mi vraćate?', 'Hoću li dobiti cijeli iznos?', 'Vraćate li i trošak dostave?'],
          answers: [
            'Dobivate cijeli iznos od {amount}, uključujući i trošak dostave.',
            'Povrat iznosi {amount}: cijena proizvoda plus prvotni trošak dostave.',
          ],
        },
      ],
      nextSteps: [
        'Dobit ćete e-mail s brojem povrata. Ako novac ne stigne {dateBy}, pošaljite nam snimku izvoda i ja ću kontaktirati banku.',
        'Ne morate ništa drugo raditi; provjerit ću {dateOn} je li uplata prošla.',
        'Molim Vas da sačuvate potvrdu s pošte dok novac ne stigne, za svaki slučaj.',
      ],
      articles: [
        { title: 'Povrat proizvoda i novca', url: 'https://help.lumio.example/hr/articles/3001' },
        { title: 'Rokovi povrata prema načinu plaćanja', url: 'https://help.lumio.example/hr/articles/3008' },
      ],
      notes: [
        'Povrat od {amount} za {order} pokrenut ručno.',
        'Povrat za {order} bio je evidentiran na pogrešnu narudžbu, ispravljeno.',
      ],
    },
    technical: {
      subjects: ['Internet ne radi', 'Router stalno gubi vezu', 'Nemam interneta od jutros'],
      openings: [
        'Od jutros mi ne radi internet. Lampica na routeru treperi crveno.',
        'Wi-Fi se prekida svakih desetak minuta. Radim od kuće, pa mi je to stvarno problem.',
        'Cijeli tjedan brzina je užasna, plaćam 500 Mb/s, a dobivam oko 20.',
        'Uopće nemam veze. Tri puta sam {resetirao|resetirala} router i ništa se ne mijenja.',
      ],
      details: [
        'Router je bijeli Lumio Hub 2. Sve lampice svijetle osim one za internet.',
        '{Probao|Probala} sam i s kabelom, isto je. Ugovor glasi na mene.',
        'Počelo je oko 8 ujutro. Ništa nisam {mijenjao|mijenjala}.',
      ],
      explanations: [
        'Došlo je do kvara na čvoru koji pokriva Vaše područje; naši tehničari već su na terenu i otklanjaju ga, tako da je s Vašim routerom sve u redu.',
        'Na Vašem routeru je stara verzija firmvera koja uzrokuje te prekide. Upravo sam na daljinu {pokrenuo|pokrenula} ažuriranje.',
        'Naša mjerenja pokazuju da je vod od razdjelnika do Vašeg stana oštećen, otuda i mala brzina. Tehničar ga mora zamijeniti.',
        'U Vašem području bili su planirani radovi koji su potrajali dulje nego što se očekivalo; veza bi se uskoro trebala vratiti.',
      ],
      jargon: [
        'Na Vašoj VDSL liniji je problem sa SNR marginom i port na DSLAM-u se stalno resinkronizira, otvorit ću zahtjev NOC-u za line test.',
        'Izgleda kao PPPoE auth failure prije BRAS-a, znači sad je L2, treba nam MTR trace prije nego što itko pogleda.',
      ],
      options: [
        'Mogu Vam dogovoriti dolazak tehničara ili Vam prvo kurirskom službom poslati novi router da isključimo njega — ili oboje, ako želite.',
        'Dok traje popravak, mogu Vam dodati 20 GB besplatnog mobilnog interneta da mobitel koristite kao hotspot ili Vam umanjiti račun za dane bez usluge.',
        'Možemo sada zajedno pokušati brzo resetiranje, a ako to ne pomogne, odmah ću Vam dogovoriti tehničara.',
      ],
      questions: [
        {
          ask: [
            'Kada će proraditi?',
            'Koliko će trebati da se popravi?',
            'Kada ću imati internet? Treba mi za posao.',
          ],
          answers: [
            'Tehničari očekuju da će kvar otkloniti danas {timeBy}.',
            'Tehničar može doći {dateOn} između 8 i 12 sati; popravak obično traje oko sat vremena.',
            'Ažuriranje traje desetak minuta. Veza bi trebala biti stabilna danas {timeBy}.',
          ],
        },
        {
          ask: [
            'Hoću li dobiti nešto natrag za dane bez interneta?',
            'Hoću li plaćati dane kada ništa nije radilo?',
            'Postoji li kakva naknada?',
          ],
          answers: [
            'Da, za dane bez usluge dobit ćete umanjenje od {amount2} na sljedećem računu — to se radi automatski.',
            'Te dane nećete plaćati: {dodao|dodala} sam Vam kredit od {amount2}, koji ćete vidjeti na sljedećem računu.',
          ],
        },
      ],
      nextSteps: [
        'Molim Vas da router ostavite uključen kako bismo mogli pratiti liniju. Kada popravak završi, dobit ćete SMS.',
        'Tehničar će Vas nazvati tridesetak minuta prije dolaska. Molim Vas da kod kuće bude punoljetna osoba.',
        'Ako se veza nakon ažuriranja opet prekine, jednom ponovno pokrenite router i javite mi ovdje u koliko je sati to bilo.',
      ],
      articles: [
        { title: 'Što znače lampice na routeru', url: 'https://help.lumio.example/hr/articles/4002' },
        { title: 'Kako poboljšati Wi-Fi kod kuće', url: 'https://help.lumio.example/hr/articles/4015' },
      ],
      notes: [
        'Poznat kvar na čvoru, ref. {ticket}. Korisnik obaviješten.',
        'Line test nije prošao, dogovoren dolazak tehničara. Sutra provjeriti je li bio.',
      ],
    },
    account_access: {
      subjects: [
        'Ne mogu se prijaviti u profil',
        'Ne stiže e-mail za promjenu lozinke',
        'Profil mi je zaključan',
      ],
      openings: [
        'Ne mogu se prijaviti u aplikaciju Lumio. Piše da je lozinka pogrešna, ali {siguran|sigurna} sam da je točna.',
        'Triput sam {zatražio|zatražila} novu lozinku, a e-mail nikako da stigne.',
        'Profil mi se zaključao nakon nekoliko pokušaja, a danas moram platiti račun.',
        '{Promijenio|Promijenila} sam mobitel i sada aplikacija traži kod koji stiže na moj stari broj.',
      ],
      details: [
        'E-mail na profilu je {email}.',
        'Registriran je na {email}. Datum rođenja mi je također u profilu.',
        'Prijavljujem se s {email}, profil glasi na mene.',
      ],
      explanations: [
        'Vaš profil automatski je zaključan nakon pet neuspjelih pokušaja — tako ga štitimo od pogađanja lozinke. Upravo sam ga {otključao|otključala}.',
        'Vaš pružatelj e-pošte blokirao je naše poruke za promjenu lozinke, pa su završavale u karanteni umjesto u pristigloj pošti. {Poslao|Poslala} sam Vam novu poveznicu s druge adrese.',
        'Kod i dalje stiže na stari broj jer je on spremljen kao sigurnosni broj u profilu. {Zamijenio|Zamijenila} sam ga novim.',
      ],
      jargon: [
        'Vaš SSO token je nevažeći jer je IdP flagirao sesiju, pa sam {forsirao|forsirala} re-auth i {obrisao|obrisala} MFA binding.',
        'Mail za reset odbija se na SPF-u i visi u MTA redu, ponovno sam {okinuo|okinula} OTP flow.',
      ],
      options: [
        'Mogu Vam poslati novu poveznicu za promjenu lozinke e-poštom ili jednokratni kod SMS-om — što Vam je sada jednostavnije?',
        'Ako račun morate platiti danas, mogu primiti uplatu telefonom ili možete koristiti poveznicu za brzo plaćanje bez prijave.',
      ],
      questions: [
        {
          ask: [
            'Koliko dugo vrijedi poveznica?',
            'Koliko će trajati otključavanje?',
            'Kada se mogu prijaviti?',
          ],
          answers: [
            'Nova poveznica vrijedi {hours}, pa je molim Vas iskoristite danas.',
            'Profil je već otključan — možete se prijaviti odmah, a novi kod stići će za minutu.',
          ],
        },
        {
          ask: ['Gdje poslije mijenjam lozinku?', 'Kako idući put mogu bez vaše pomoći promijeniti broj?'],
          answers: [
            'U aplikaciji otvorite Profil → Sigurnost → Promjena lozinke. Traje otprilike minutu.',
            'Otvorite aplikaciju, dodirnite „Profil”, zatim „Sigurnost” i odaberite „Promjena broja mobitela”; na novi broj stići će Vam kod za potvrdu.',
          ],
        },
      ],
      nextSteps: [
        'Kada se prijavite, postavite novu lozinku i uključite provjeru u dva koraka kako se ovo ne bi ponovilo.',
        'Ako e-mail ne stigne za pet minuta, provjerite mapu neželjene pošte i javite mi se ovdje.',
        'Stari broj uklonjen je iz profila, tako da će kodovi od sada stizati samo na novi.',
      ],
      articles: [
        { title: 'Promjena lozinke', url: 'https://help.lumio.example/hr/articles/5004' },
        { title: 'Provjera u dva koraka', url: 'https://help.lumio.example/hr/articles/5011' },
      ],
      notes: [
        'Profil otključan nakon provjere identiteta (datum rođenja + iznos zadnjeg računa).',
        'Poruke za reset blokira pružatelj e-pošte, poslano preko rezervnog pošiljatelja.',
      ],
    },
    plan_change: {
      subjects: ['Prelazak na bržu tarifu', 'Prelazak na jeftiniju tarifu', 'Upit o tarifi {plan2}'],
      openings: [
        'Trenutačno imam {plan} i {htio|htjela} bih prijeći na nešto brže. Koje su mogućnosti?',
        'Račun mi je previsok za ono što koristim. Mogu li prijeći na jeftiniju tarifu?',
        'Na vašoj stranici {vidio|vidjela} sam ponudu {plan2}. Mogu li prijeći na nju iako mi ugovor još traje?',
      ],
      details: [
        'Imam {plan}, ugovor je počeo prošlog proljeća.',
        'Ugovor glasi na mene, trenutačna tarifa je {plan}.',
      ],
      explanations: [
        'Tarifu možete promijeniti u bilo kojem trenutku: prelazak na višu tarifu vrijedi odmah, a na nižu od početka sljedećeg obračunskog razdoblja.',
        'Budući da ste još u prvoj godini ugovora, na jeftiniju tarifu možete prijeći, ali do isteka ugovora vrijedi stara cijena; za višu tarifu nema naknade.',
        '{plan2} ima dvostruko veću brzinu od Vaše sadašnje tarife i neograničene pozive, pa odgovara onome što ste opisali.',
      ],
      jargon: [
        'To bi bio mid-term regrade, znači ide ETC, osim ako nije like-for-like zamjena SKU-a u istom tieru.',
        'Moram otvoriti MAC nalog, a novi tarifni kod provisionira se na sljedećem bill runu.',
      ],
      options: [
        'Možete odabrati {plan2}, koji je brži, ili zadržati svoju tarifu i dodati paket od 100 GB mobilnog interneta — javite mi što Vam više odgovara.',
        'Postoje dvije jeftinije opcije: {plan2} s istom brzinom i manje dodataka ili Vaša sadašnja tarifa s popustom za vjernost na 12 mjeseci.',
        'Mogu Vas prebaciti već danas ili zakazati promjenu za početak sljedećeg obračunskog razdoblja, kako Vam se u jednom mjesecu ne bi dvaput naplatilo.',
      ],
      questions: [
        {
          ask: ['Koliko će to koštati?', 'Kolika je mjesečna naknada?', 'Koliko ću više plaćati mjesečno?'],
          answers: [
            '{plan2} košta {amount2} mjesečno i nema naknade za prelazak.',
            'Plaćat ćete {amount2} mjesečno, bez dodatnih jednokratnih troškova.',
          ],
        },
        {
          ask: ['Kada bi se promjena dogodila?', 'Od kada vrijedi?', 'Kada počinje nova tarifa?'],
          answers: [
            'Nova tarifa počinje {dateOn}, s početkom Vašeg sljedećeg obračunskog razdoblja.',
            'Bit će aktivna danas {timeBy}; dobit ćete SMS kada se uključi.',
          ],
        },
      ],
      nextSteps: [
        'Promjenu sam {proveo|provela}; dobit ćete e-mail sa sažetkom novog ugovora i ništa drugo ne trebate raditi.',
        'Ponudu sam Vam {rezervirao|rezervirala} na sedam dana — samo ovdje odgovorite „da” da je potvrdite.',
        'Router ne treba mijenjati; nakon ponovnog pokretanja večeras radit će novom brzinom.',
      ],
      articles: [
        { title: 'Usporedite naše tarife', url: 'https://www.lumio.example/hr/tarife' },
        { title: 'Promjena tarife', url: 'https://help.lumio.example/hr/articles/6002' },
      ],
      notes: [
        'Upsell na {plan2}, korisnik zadovoljan.',
        'Korisnik želi jeftiniju tarifu, ponuđena retencijska ponuda.',
      ],
    },
    agent_complaint: {
      subjects: ['Pritužba na djelatnika', 'Nitko me nije nazvao kako je obećano', 'Službena pritužba'],
      openings: [
        'Prošli tjedan sam {zvao|zvala} i osoba s kojom sam {razgovarao|razgovarala} bila je nepristojna i jednostavno mi je spustila slušalicu.',
        'Obećali su mi povratni poziv u roku od 24 sata. To je bilo prije pet dana i nitko se nije javio.',
        'Vaš kolega mi je rekao da je povrat obavljen. Ispostavilo se da ništa nije obrađeno.',
        'Prebacivali su me između četiri različite osobe i svaka mi je rekla nešto drugo.',
      ],
      details: [
        'Bilo je to u utorak poslijepodne, referentni broj koji sam {dobio|dobila} je {ticket}.',
        'Poziv je bio prošli četvrtak oko 15 sati. Nisam {zapamtio|zapamtila} ime djelatnika.',
      ],
      explanations: [
        '{Pročitao|Pročitala} sam bilješke s Vašeg prethodnog kontakta i u pravu ste: povratni poziv nikada nije zakazan. To se nije smjelo dogoditi.',
        'Gledajući Vaš slučaj, kolega Vam je dao netočnu informaciju o povratu. Sada sam ga {obradio|obradila} kako treba.',
        '{Preslušao|Preslušala} sam snimku Vašeg poziva i način na koji se s Vama razgovaralo nije prihvatljiv. Slučaj je proslijeđen voditelju tima.',
      ],
      jargon: [
        'Prethodna interakcija zatvorena je bez disposition koda, pa nikad nije ušla u callback red u WFM alatu.',
        'Greškom je označena kao FCR, pa SLA timer za zadatak povratnog poziva nikad nije krenuo.',
      ],
      options: [
        'Mogu od sada osobno preuzeti Vaš slučaj da ništa ne morate ponovno objašnjavati, a uz to Vam mogu odobriti kredit kao znak dobre volje.',
        'Mogu ovo evidentirati kao službenu pritužbu s pisanim odgovorom ili Vas voditelj tima može izravno nazvati — ili oboje.',
      ],
      questions: [
        {
          ask: [
            'Što ćete poduzeti u vezi s tim?',
            'Hoće li se itko uopće time baviti?',
            'Kada ću dobiti odgovor?',
          ],
          answers: [
            'Vašu pritužbu sam {zaprimio|zaprimila} pod brojem {ticket}; voditelj tima odgovorit će Vam pisanim putem {dateBy}.',
            'Osobno ću Vas nazvati {dateOn} i javiti Vam ishod.',
          ],
        },
        {
          ask: ['Hoću li dobiti obećanu naknadu?', 'A što je s kreditom koji su mi spomenuli?'],
          answers: [
            'Da — kredit od {amount2} dodan je danas i vidjet ćete ga na sljedećem računu.',
            'Kredit od {amount2} nikad nije bio odobren; sada sam ga {dodao|dodala} i vidjet ćete ga na sljedećem računu.',
          ],
        },
      ],
      nextSteps: [
        'Vaša pritužba ima broj {ticket}; pisani odgovor dobit ćete e-poštom, a ja ću biti Vaša kontakt osoba dok se slučaj ne zatvori.',
        'Nazvat će Vas voditelj tima; ako Vam odgovara neko određeno vrijeme, samo mi javite.',
      ],
      articles: [
        { title: 'Kako postupamo s pritužbama', url: 'https://help.lumio.example/hr/articles/7001' },
      ],
      notes: [
        'Pritužba na ponašanje djelatnika, zatražena snimka poziva za pregled.',
        'Obećani povratni poziv nije bio zakazan; proslijeđeno TL-u za coaching.',
      ],
    },
    cancellation: {
      subjects: ['Raskid ugovora', 'Želim otkazati uslugu', 'Zahtjev za raskid'],
      openings: [
        '{Želio|Željela} bih raskinuti ugovor za internet. Sljedeći mjesec selim se u inozemstvo.',
        'Molim vas da mi otkažete pretplatu. {Našao|Našla} sam jeftiniju ponudu drugdje.',
        'Kako se raskida ugovor? Nigdje u aplikaciji ne mogu pronaći tu opciju.',
      ],
      details: [
        'Ugovor glasi na mene, tarifa je {plan}.',
        'Imam {plan}. Ugovor je počeo prije otprilike godinu i pol.',
      ],
      explanations: [
        'Vaše minimalno razdoblje ugovora već je isteklo, pa ugovor možete raskinuti bez naknade uz otkazni rok od 30 dana.',
        'Do kraja minimalnog razdoblja ostalo Vam je još pet mjeseci, pa se za prijevremeni raskid plaća naknada; preseljenje u inozemstvo je iznimka ako nam pošaljete dokaz o novoj adresi.',
        'Raskid se ne može napraviti u aplikaciji, nego samo preko našeg tima, pa to mogu odmah napraviti za Vas.',
      ],
      jargon: [
        'Još ste u MCP-u, znači ide ETF, osim ako retencija ne odobri waiver prije datuma cease-a.',
        'Otvorit ću cease nalog, a port-out će automatski generirati završni račun u sljedećem ciklusu.',
      ],
      options: [
        'Mogu raskinuti ugovor uz otkazni rok od 30 dana ili Vam, ako je razlog cijena, ponuditi {plan2} za {amount2} mjesečno sljedećih godinu dana.',
        'Možete raskinuti odmah i vratiti router poštom ili privremeno isključiti uslugu na najviše tri mjeseca, ako biste se možda vratili.',
      ],
      questions: [
        {
          ask: [
            'Kolika je naknada za raskid?',
            'Moram li išta platiti za raskid?',
            'Koliko će iznositi zadnji račun?',
          ],
          answers: [
            'Naknada za prijevremeni raskid iznosi {amount2}; bit će na Vašem završnom računu.',
            'U Vašem slučaju nema naknade za raskid; završni račun iznosit će {amount2} za uslugu do datuma isključenja.',
          ],
        },
        {
          ask: ['Kada ugovor prestaje?', 'Do kada će usluga raditi?'],
          answers: [
            'Usluga ostaje aktivna do datuma isključenja, a ugovor prestaje {dateOn}.',
            'Sve radi do kraja; zadnji dan usluge bit će {dateOn}.',
          ],
        },
      ],
      nextSteps: [
        'U roku od sat vremena dobit ćete potvrdu raskida e-poštom i unaprijed plaćenu naljepnicu za povrat routera.',
        'Molim Vas da router vratite u roku od 14 dana od datuma isključenja, inače će Vam se naplatiti na završnom računu.',
      ],
      articles: [{ title: 'Raskid usluge', url: 'https://help.lumio.example/hr/articles/8003' }],
      notes: [
        'Retencijska ponuda odbijena, raskid evidentiran.',
        'Korisnik prihvatio retencijsku ponudu {plan2}.',
      ],
    },
    damaged_item: {
      subjects: ['Proizvod je stigao oštećen', 'Razbijen mobitel u paketu', 'Oštećena pošiljka {order}'],
      openings: [
        'Mobitel koji sam {naručio|naručila} stigao je danas s napuklim zaslonom. I kutija je bila ulubljena.',
        'Router iz narudžbe {order} uopće se ne uključuje, a iznutra nešto zvecka.',
        '{Otvorio|Otvorila} sam paket i tablet ima veliku ogrebotinu na poleđini. Trebao je biti nov!',
      ],
      details: [
        'Narudžba {order}. {Fotografirao|Fotografirala} sam kutiju i mobitel čim sam ih {otvorio|otvorila}.',
        'Narudžba {order}, dostavljena jutros.',
      ],
      explanations: [
        'Izgleda da je paket oštećen u transportu, što potvrđuje i udubljenje na kutiji. Naravno, imate pravo na novi proizvod.',
        'To se ponekad dogodi kada uređaj padne tijekom dostave. Ništa od toga nećete platiti.',
      ],
      jargon: [
        'Vodit ću to kao DOA i otvoriti RMA s claim kodom prijevoznika, a zamjena ide preko advance replacement SKU-a.',
        'To mora proći DOA proceduru s QC provjerom prije nego što logistika pusti zamjenu.',
      ],
      options: [
        'Mogu Vam odmah poslati zamjenu ili vratiti cijeli iznos — a ako želite, dostavljač može uređaj zamijeniti na vratima.',
        'Novi uređaj možete dobiti sutra ili ga već danas zamijeniti u bilo kojoj Lumio trgovini, ako je neka u blizini.',
      ],
      questions: [
        {
          ask: ['Kada ću dobiti novi?', 'Koliko brzo možete poslati zamjenu?', 'Kada da ga očekujem?'],
          answers: [
            'Zamjena se šalje danas i bit će kod Vas {dateBy}; poveznicu za praćenje dobit ćete SMS-om.',
            'Dostavljač će donijeti novi uređaj {dateOn} između 8 i 18 sati i istodobno preuzeti oštećeni.',
          ],
        },
        {
          ask: ['Moram li platiti povrat?', 'Tko plaća slanje natrag?'],
          answers: [
            'Ne, povrat je besplatan: poslat ćemo Vam unaprijed plaćenu naljepnicu, a dostavljač će paket preuzeti {dateOn}.',
            'Ne plaćate ništa — dostavljač će preuzeti oštećeni uređaj kada Vam donese novi.',
          ],
        },
      ],
      nextSteps: [
        'Molim Vas da sačuvate oštećeni uređaj i kutiju; dostavljač će ih preuzeti kada donese novi.',
        'Ako možete, pošaljite nam fotografiju oštećenja; to pomaže kod reklamacije prijevozniku, ali zamjena zbog toga neće čekati.',
      ],
      articles: [
        { title: 'Oštećeni ili neispravni proizvodi', url: 'https://help.lumio.example/hr/articles/9002' },
      ],
      notes: [
        'Oštećenje u transportu, kreirana zamjenska narudžba za {order}.',
        'Fotografije zaprimljene, otvorena reklamacija prema prijevozniku.',
      ],
    },
  },

  customerHellos: ['Pozdrav,', 'Dobar dan,', 'Poštovani,', 'Dobar dan!', 'Bok,'],
  customerSignoffs: [
    'Hvala,\n{given}',
    'Lijep pozdrav,\n{customer}',
    'S poštovanjem,\n{customer}',
    '{given}',
  ],
  repeatContact: [
    'Već sam vam se {javio|javila} zbog ovoga prošli tjedan i ništa se nije promijenilo.',
    'Ovo vam pišem već drugi put.',
    'U ponedjeljak sam {zvao|zvala} zbog istog problema i rečeno mi je da će biti riješeno.',
  ],
  frustration: [
    'Ovo je stvarno frustrirajuće.',
    'Iskreno, ovo je neprihvatljivo.',
    'Dosta mi je više ovoga.',
    '{Očekivao|Očekivala} sam puno više od vas.',
  ],
  complaintWording: [
    'Želim podnijeti službenu pritužbu.',
    'Molim vas da ovo evidentirate kao pritužbu.',
    'Nisam {zadovoljan|zadovoljna} načinom na koji se ovo rješava i želim da se to zabilježi kao pritužba.',
  ],
  pushback: [
    'To nije odgovor na moje pitanje. Kada točno?',
    '„Što prije” nije odgovor. Treba mi datum.',
    'Stalno to ponavljate. Možete li mi dati konkretan odgovor?',
  ],
  escalationRequests: [
    'Želim razgovarati s vašim nadređenim.',
    'Mogu li razgovarati s voditeljem, molim vas?',
    'Molim vas da me spojite s nekim nadležnijim.',
  ],
  nameReplies: ['{customer}.', 'Zovem se {customer}.', '{given}.'],
  choices: [
    'Prvu opciju, molim.',
    'Uzet ću drugu.',
    'Prva mi zvuči bolje, neka bude tako.',
    'U redu, molim vas da tako napravite.',
  ],
  acknowledgements: ['U redu, hvala.', 'Dobro.', 'Aha, razumijem.', 'Jasno, hvala.', 'Okej.'],
  backchannel: ['Aha.', 'Da.', 'Dobro.', 'Mhm.', 'Jasno.'],
  nothingElse: ['Ne, to je sve, hvala.', 'Ne, ništa više.', 'To je to, hvala.', 'Ne, nemam više pitanja.'],
  closingsHappy: [
    'Super, puno hvala na pomoći!',
    'Odlično, hvala. Stvarno ste mi pomogli.',
    'Hvala vam, ugodan dan!',
    'Savršeno, hvala!',
  ],
  closingsAngry: [
    'Kako god. Nisam {oduševljen|oduševljena}.',
    'Beskorisno. Tražit ću drugog operatera.',
    'Dobro. Napisat ću recenziju o ovome.',
    'Ne mogu vjerovati koliko je ovo komplicirano.',
  ],
  chasers: [
    'Pozdrav, ima li novosti? Prošlo je nekoliko dana.',
    'Još uvijek nisam ništa {dobio|dobila}. Što je s mojim slučajem?',
    'Samo provjeravam — ima li kakvih novosti?',
  ],
  reopenings: [
    'Opet ja, problem se vratio. Dva dana je radilo, a sada je isto kao prije.',
    'Nažalost, ovo ipak nije riješeno. Danas se ponovilo isto.',
    'Dobar dan, moram ponovno otvoriti ovaj slučaj — zapravo se ništa nije promijenilo.',
  ],

  greetings: {
    morning: ['Dobro jutro'],
    afternoon: ['Dobar dan'],
    evening: ['Dobra večer'],
    neutral: ['Dobar dan', 'Pozdrav'],
  },
  emailSalutations: ['Dobar dan, {name},', 'Pozdrav, {name},'],
  emailSalutationsPlain: ['Poštovani,', 'Dobar dan,', '{^Poštovani korisniče|Poštovana korisnice},'],
  emailSignoffs: [
    'Lijep pozdrav,\n{agentFull}\nKorisnička podrška {company}',
    'S poštovanjem,\n{agentFull}\n{company} korisnička služba',
    'Srdačan pozdrav,\n{agent} | Podrška {company}',
  ],
  introductions: ['Moje ime je {agent} i danas ću Vam pomoći.', 'Piše Vam {agent}.', 'Ja sam {agent}.'],
  phoneIntroductions: [
    'Korisnička služba {company}, {agent} na vezi, kako Vam mogu pomoći?',
    'Hvala što ste nazvali {company}, ovdje {agent}. Kako Vam mogu pomoći?',
  ],
  askName: [
    'Mogu li dobiti Vaše ime i prezime?',
    'Kako se zovete, molim Vas?',
    'S kim razgovaram, molim Vas?',
  ],
  howCanIHelp: ['Kako Vam mogu pomoći?', 'Izvolite, recite.', 'Što mogu učiniti za Vas?'],
  askDetails: [
    'Možete li mi reći broj narudžbe, računa ili podatke o profilu?',
    'Možete li mi reći malo više kako bih to {mogao|mogla} dobro provjeriti?',
    'Možete li mi potvrditi nekoliko podataka?',
  ],
  empathy: [
    'Jako mi je žao što Vam se to dogodilo.',
    'Žao mi je zbog neugodnosti, potpuno razumijem koliko je to frustrirajuće.',
    'Ispričavam se zbog neugodnosti — odmah ću to riješiti.',
    'Žao mi je što ste nam se zbog ovoga morali javiti; razumijem da je to naporno.',
  ],
  hold: [
    'Dopustite da to provjerim, trebat će minuta-dvije.',
    'Trenutak, molim, provjeravam.',
    'Pričekajte malo dok provjerim Vaš profil.',
  ],
  afterHold: ['Hvala Vam na strpljenju.', 'Hvala što ste pričekali.', 'Hvala na čekanju.'],
  vague: [
    'Radimo na tome.',
    'Bit će riješeno što je prije moguće.',
    'Ne mogu točno reći, u obradi je.',
    'Proslijeđeno je nadležnom odjelu.',
    'Uskoro, nadam se.',
  ],
  estimates: [
    'Sve bi trebalo biti riješeno {dateBy}.',
    'Najkasnije {dateBy} sve bi trebalo biti gotovo.',
    'Očekujem da će to biti riješeno {dateBy}.',
    'To obično traje {days}, pa će sve biti gotovo {dateBy}.',
  ],
  articleOffers: [
    'Za ubuduće, evo kratkih uputa „{title}”: {url}',
    'Upute korak po korak naći ćete ovdje: {url}',
    'Ovaj članak to detaljnije objašnjava: {url}',
  ],
  rude: [
    'Trebali ste pročitati uvjete prije nego što ste naručili.',
    'Kao što sam Vam već {rekao|rekla}, ne mogu ništa više.',
    'To nije naša krivnja, sigurno ste nešto krivo upisali.',
    'Da ste odmah napravili kako smo rekli, ovo se ne bi dogodilo.',
    'Smirite se, molim Vas. Vikanjem neće ići brže.',
  ],
  escalationOffers: [
    'Naravno. Prosljeđujem Vaš slučaj nadređenom, koji će Vam se javiti u roku od {hours}.',
    'Razumijem. Prebacit ću Vas na starijeg kolegu koji može odobriti iznimku.',
    'Ako želite, mogu ovo eskalirati voditelju tima — on može ponuditi rješenja koja ja ne mogu.',
  ],
  transferOffers: [
    'Ovim se bavi drugi tim — sada ću Vas prebaciti k njima, tako da ne morate kretati ispočetka.',
    'Prebacit ću Vas kolegama koji su za to zaduženi; vidjet će sve što ste napisali.',
  ],
  escalationRefusals: [
    'Nema nikoga drugog tko Vam može pomoći s ovim.',
    'Moj nadređeni reći će Vam potpuno isto.',
    'Ne mogu Vas prebaciti, morat ćete prihvatiti ovaj odgovor.',
  ],
  escalationPickups: [
    'Ovdje {agent}, {voditelj|voditeljica} tima. {Pročitao|Pročitala} sam Vaš slučaj i od sada ga ja preuzimam.',
    'Ovdje {agent} iz tima za eskalacije. Imam sve podatke, tako da ništa ne morate ponavljati.',
  ],
  anythingElse: [
    'Mogu li Vam još nešto pomoći?',
    'Mogu li Vam pomoći s još nečim?',
    'Imate li još kakvih pitanja?',
  ],
  thanks: [
    'Hvala Vam na strpljenju.',
    'Hvala Vam na vremenu.',
    'Hvala Vam što ste bili strpljivi dok smo ovo rješavali.',
    'Hvala što ste nam se javili.',
  ],
  ratingRequests: [
    'Nakon razgovora stići će Vam kratka anketa — bit ću Vam {zahvalan|zahvalna} ako ocijenite naš razgovor.',
    'Ako imate trenutak, molim Vas da ocijenite ovaj razgovor u anketi koja slijedi; to nam stvarno pomaže da budemo bolji.',
    'Možete li ocijeniti moju uslugu putem poveznice koju ćete dobiti? Svaka povratna informacija, dobra ili loša, dobrodošla je.',
  ],
  farewells: [
    'Ugodan dan!',
    'Sve najbolje, doviđenja!',
    'Lijep pozdrav i ugodan ostatak dana!',
    'Doviđenja!',
  ],
  followUps: [
    'Kratka obavijest o Vašem slučaju: još je u obradi i očekujem da će biti gotov {dateBy}. Javit ću Vam se ponovno sutra.',
    'Kao što sam {obećao|obećala}, evo novosti: tim je potvrdio rješenje i sve bi trebalo biti gotovo {dateBy}.',
  ],
  reopenReplies: [
    'Žao mi je što se problem vratio. Ponovno sam {otvorio|otvorila} Vaš slučaj i već ga pregledavam.',
    'Hvala što ste nam javili. Ponovno sam {otvorio|otvorila} slučaj kako bismo ga riješili do kraja.',
  ],
  botGreetings: [
    'Pozdrav! Ja sam virtualni asistent tvrtke Lumio. Ukratko opišite s čime Vam mogu pomoći.',
    'Dobro došli u podršku Lumio! Kako Vam mogu pomoći danas?',
  ],
  botHandoffs: [
    'Hvala! Spajam Vas s jednim od naših djelatnika. Trenutačno vrijeme čekanja je oko 2 minute.',
    'Sada ću Vas prebaciti članu našeg tima — molim Vas da ostanete u chatu.',
  ],
  transferNotices: ['Razgovor je preusmjeren timu {team}.', 'Preusmjereno timu {team}.'],
  genericNotes: [
    'Korisnik je zvučao uzrujano, oprezno.',
    'Upit poslan timu {team}, čekamo odgovor prije nego što odgovorimo korisniku.',
    'Slučaj {ticket}: sutra provjeriti ako nema novosti.',
    'Korisnik se već nekoliko puta javljao zbog ovoga, vidi ranije tikete.',
  ],
  surveyPositive: [
    'Brzo i ljubazno, hvala!',
    'Vrlo uslužno, sve su mi jasno objasnili.',
    'Problem riješen iz prve. Odlična usluga.',
    'Jako strpljivo i pristojno, hvala.',
  ],
  surveyNeutral: [
    'Bilo je u redu, ali dugo je trajalo.',
    'Na kraju je riješeno, ali trebalo je pitati dvaput.',
    'Prosječno.',
  ],
  surveyNegative: [
    'Nitko mi nije mogao dati jasan odgovor.',
    'Nepristojno i beskorisno.',
    'Još uvijek nije riješeno. Gubitak vremena.',
    'Prebacivali su me s jednog na drugog i sve je trebalo ponavljati.',
  ],
};
