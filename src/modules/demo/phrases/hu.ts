/**
 * Hungarian phrase bank. Agents use «Ön»; names are written family name first («Kovács Péter»);
 * prices in forints. Placeholders never take a suffix or an article directly (a/az and vowel
 * harmony depend on the value), so templates put a noun after them: «{days} munkanapon belül».
 */
import type { Random } from '../demo.random.js';
import { groupThousands, type PhraseBank } from './phrase-bank.js';

const MONTHS = [
  'január',
  'február',
  'március',
  'április',
  'május',
  'június',
  'július',
  'augusztus',
  'szeptember',
  'október',
  'november',
  'december',
];
const WEEKDAYS_ON = ['vasárnap', 'hétfőn', 'kedden', 'szerdán', 'csütörtökön', 'pénteken', 'szombaton'];
/** The "on day N" ending for each day of the month (1-jén, 2-án, 4-én…), index 0 unused. */
const DAY_ON_SUFFIX = [
  '',
  'jén',
  'án',
  'án',
  'én',
  'én',
  'án',
  'én',
  'án',
  'én',
  'én',
  'én',
  'én',
  'án',
  'én',
  'én',
  'án',
  'én',
  'án',
  'én',
  'án',
  'én',
  'én',
  'án',
  'én',
  'én',
  'án',
  'én',
  'án',
  'én',
  'án',
  'én',
];

function forints(euros: number): number {
  const value = euros * 400;
  // Hungarian shop prices end in 90: 8 990 Ft.
  return Math.max(490, Math.round(value / 100) * 100 - 10);
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let index = 0; index < count; index++) out += String(random.int(0, 9));
  return out;
}

/** Hungarian phrases. */
export const hu: PhraseBank = {
  language: 'hu',
  names: {
    male: [
      { name: 'Péter' },
      { name: 'László' },
      { name: 'István' },
      { name: 'Gábor' },
      { name: 'Zoltán' },
      { name: 'Attila' },
      { name: 'Balázs' },
      { name: 'Tamás' },
      { name: 'András' },
      { name: 'Dávid' },
      { name: 'Bence' },
      { name: 'Máté' },
      { name: 'Ádám' },
      { name: 'Zsolt' },
      { name: 'Csaba' },
      { name: 'Norbert' },
      { name: 'Levente' },
      { name: 'Márton' },
    ],
    female: [
      { name: 'Anna' },
      { name: 'Katalin' },
      { name: 'Eszter' },
      { name: 'Zsófia' },
      { name: 'Judit' },
      { name: 'Ágnes' },
      { name: 'Krisztina' },
      { name: 'Andrea' },
      { name: 'Nóra' },
      { name: 'Réka' },
      { name: 'Dóra' },
      { name: 'Viktória' },
      { name: 'Erika' },
      { name: 'Boglárka' },
      { name: 'Petra' },
      { name: 'Ildikó' },
      { name: 'Tímea' },
      { name: 'Lilla' },
    ],
    surnames: [
      'Nagy',
      'Kovács',
      'Tóth',
      'Szabó',
      'Horváth',
      'Varga',
      'Kiss',
      'Molnár',
      'Németh',
      'Farkas',
      'Balogh',
      'Papp',
      'Takács',
      'Juhász',
      'Lakatos',
      'Mészáros',
      'Oláh',
      'Simon',
      'Rácz',
      'Fekete',
      'Szilágyi',
      'Török',
      'Fehér',
      'Balázs',
      'Gál',
      'Szűcs',
      'Kocsis',
      'Pintér',
    ].map((surname) => ({ male: surname, female: surname })),
  },
  formatName(given, surname, female, _father, formal) {
    const family = female ? surname.female : surname.male;
    const full = `${family} ${given.name}`;
    // Formal: «Kovács úr», or the full name for women; otherwise the first name, as Hungarian service chats do.
    const address = formal ? (female ? full : `${family} úr`) : given.name;
    return { full, given: given.name, address };
  },
  dateOn: (date) => {
    const day = date.getUTCDate();
    return `${MONTHS[date.getUTCMonth()]} ${day}-${DAY_ON_SUFFIX[day]}, ${WEEKDAYS_ON[date.getUTCDay()]}`;
  },
  dateBy: (date) => {
    const day = date.getUTCDate();
    return `${MONTHS[date.getUTCMonth()]} ${day}-${day === 1 ? 'jéig' : 'ig'}`;
  },
  timeAt: (hour, minute) =>
    minute === 0 ? `${hour} órakor` : `${hour}:${minute < 10 ? `0${minute}` : minute}-kor`,
  timeBy: (hour, minute) =>
    minute === 0 ? `${hour} óráig` : `${hour}:${minute < 10 ? `0${minute}` : minute}-ig`,
  days: (count) => String(count),
  hours: (count) => String(count),
  money: (euros) => `${groupThousands(forints(euros), '\u00a0', true)}\u00a0Ft`,
  phone(random) {
    const code = random.pick(['20', '30', '31', '50', '70']);
    const line = digits(random, 7);
    const style = random.int(0, 2);
    if (style === 0) return `+36 ${code} ${line.slice(0, 3)} ${line.slice(3)}`;
    if (style === 1) return `06 ${code} ${line.slice(0, 3)} ${line.slice(3)}`;
    return `06-${code}-${line.slice(0, 3)}-${line.slice(3)}`;
  },
  keepsCapital: /^(?:Ön\p{L}*|Lumio)(?!\p{L})/u,

  topics: {
    billing: {
      subjects: [
        'Kétszeres terhelés ebben a hónapban',
        'Hibás összeg a számlán',
        'Kérdés a számlámmal kapcsolatban',
      ],
      openings: [
        'Most néztem meg a bankszámlakivonatomat: ugyanarra a számlára kétszer vontak le {amount} összeget.',
        'Ebben a hónapban {amount} a számlám, ami sokkal több a szokásosnál. Semmit nem változtattam a csomagomon, mi történt?',
        'A {invoice} számú számlán van egy tétel, amit nem ismerek. Semmilyen extra szolgáltatást nem rendeltem.',
        'Levontak tőlem {amount} összeget, pedig az előző számlát teljes egészében kifizettem. Megnézné, kérem?',
      ],
      details: [
        'A számla száma {invoice}, a szerződés az én nevemen van.',
        'A számla száma {invoice}. A pénzt 3-án vonták le, aztán 5-én újra.',
        'A számlaszám: {invoice}. Ha kell, küldök képernyőképet a kivonatról.',
      ],
      explanations: [
        'Látom, mi történt: a csoportos beszedést kétszer hajtották végre, mert a rendszerünk sikertelennek jelölte az első terhelést, pedig a bankja már teljesítette.',
        'A magasabb összeg egy egyszeri díjból adódik: a múlt hónapban külföldön használt roaming adatforgalom erre a számlára került.',
        'A csomagjára vonatkozó akciós kedvezmény a múlt hónapban lejárt, ezért a számlán most először szerepel a teljes ár.',
        'A plusz tétel egy emelt díjas SMS-szolgáltatás, amelyet 12-én aktiváltak a telefonszámán.',
      ],
      jargon: [
        'A DD-t újraprezentálták egy reject flag után, ezért a ledgerben duplikált tétel van, amíg le nem fut a recon.',
        'Ez egy ciklus közbeni MRC-váltás miatti pro rata korrekció, a billing engine még nem nettózta le az OTC-t.',
      ],
      options: [
        'A dupla terhelést visszautalhatom a kártyájára, vagy jóváírhatom egyenlegként, így a következő számlája már rendezve lesz — melyiket választja?',
        'Kétféleképpen oldhatjuk meg: lemondom a plusz szolgáltatást és visszatérítem az összeget, vagy átteszem egy olyan csomagra, amely olcsóbban tartalmazza.',
        'A különbözetet visszautalhatom a bankszámlájára, vagy levonhatom a következő számlából. Mindkét lehetőség díjmentes.',
      ],
      questions: [
        {
          ask: [
            'Mikor kapom vissza a pénzemet?',
            'Mennyi idő, mire visszakerül a pénz a számlámra?',
            'És pontosan mikor érkezik meg a visszatérítés?',
          ],
          answers: [
            'Ma elindítottam a visszatérítést ({amount}), így {dateBy} meglesz a számláján.',
            'Már feldolgoztam; a bankoknak általában {days} munkanap kell, tehát legkésőbb {dateBy} visszakapja az összeget.',
            'A pénz arra a kártyára megy vissza, amellyel fizetett: {amount} összeget utalunk {dateOn}.',
          ],
        },
        {
          ask: [
            'Akkor mennyit kell valójában fizetnem ebben a hónapban?',
            'Mennyi lenne akkor a helyes összeg?',
            'Mennyibe fog kerülni a következő hónap?',
          ],
          answers: [
            'A javított számla összege ebben a hónapban {amount2}, és az új számlát már el is küldtem Önnek.',
            'Ebben a hónapban {amount2} a fizetendő, a következő hónaptól pedig ismét a szokásos havidíj.',
            'A javítás után a számla végösszege {amount2}, és {dateBy} kell kifizetni.',
          ],
        },
      ],
      nextSteps: [
        'Egy órán belül e-mailt kap a visszatérítés visszaigazolásáról; ezen kívül nincs teendője.',
        'A javított számlát elküldtem az e-mail-címére. Kérem, csak azt fizesse be, a régit pedig hagyja figyelmen kívül.',
        'Lemondtam a plusz szolgáltatást, így a következő számlákon már nem fog szerepelni. Ha mégis újra látná, csak válaszoljon erre az üzenetre.',
      ],
      articles: [
        { title: 'A számla értelmezése', url: 'https://help.lumio.example/hu/articles/1012' },
        { title: 'Hogyan működik a visszatérítés', url: 'https://help.lumio.example/hu/articles/1047' },
      ],
      notes: [
        'Dupla terhelés megerősítve, visszatérítés ({amount}) elindítva. Ellenőrizni, hogy megérkezett-e.',
        'Az ügyfél vitatja a számlát ({invoice}). Várjuk, hogy a pénzügy jóváhagyja a korrekciót.',
      ],
    },
    delivery: {
      subjects: ['Hol van a rendelésem?', 'Még mindig nem érkezett meg a rendelésem', 'Késik a szállítás'],
      openings: [
        'Több mint egy hete rendeltem egy routert (rendelésszám: {order}), és még mindig nem érkezett meg. A követés négy napja nem változott.',
        'A rendelésemnek ({order}) tegnap kellett volna megérkeznie. Senki nem jött, és senki nem telefonált.',
        'A csomagkövetés szerint a rendelésem ({order}) „kézbesítve”, de itt nincs semmi. A szomszédoknál is érdeklődtem.',
        'Felárat fizettem a másnapi szállításért, a telefon mégsem érkezett meg. Rendelésszám: {order}.',
      ],
      details: [
        'A rendelésszám {order}, a szállítási cím az otthoni címem.',
        'Rendelésszám: {order}. A cím ugyanaz, mint a fiókomban.',
        'Rendelésszám: {order}, múlt hétfőn adtam le.',
      ],
      explanations: [
        'Egyeztettem a futárszolgálattal: a csomagja egy válogatási hiba miatt a raktárukban ragadt, de mostanra már újra kiszállításra került.',
        'A futár tegnap megpróbálta kézbesíteni, de a címkéről hiányzott a lakásszám, ezért a csomag visszakerült a raktárba.',
        'A rendelését két csomagban adtuk fel: az elsőt már kézbesítették, a második csak ma reggel indult el a raktárunkból.',
        'A futárszolgálat elveszettnek nyilvánította a csomagot, ezért az a leggyorsabb, ha újat küldünk.',
      ],
      jargon: [
        'A küldemény exception kóddal áll a hubban, megvárjuk a fuvarozó POD-ját, mielőtt RTS-t indítunk.',
        'Failed first attemptként fut, úgyhogy visszament a linehaulba, és a következő ciklusban újramanifesztálják.',
      ],
      options: [
        'Kérhetek újbóli kiszállítást a címére, vagy holnap átveheti a legközelebbi csomagponton — ahogy Önnek kényelmesebb.',
        'Még ma küldhetek Önnek egy új csomagot expressz szállítással, vagy azonnal visszatéríthetem a teljes összeget. Melyiket szeretné?',
        'Ha a szállítási nap nem megfelelő, módosíthatom egy Önnek alkalmas napra, vagy átirányíthatom a csomagot a munkahelyi címére.',
      ],
      questions: [
        {
          ask: [
            'Mikor érkezik meg?',
            'Akkor végül mikor kapom meg?',
            'Meg tudja mondani, mikor szállítják ki?',
          ],
          answers: [
            'A futár {dateOn} viszi ki, 9 és 13 óra között.',
            'A csomag már be van osztva kiszállításra: {dateOn} megkapja, reggel pedig SMS-ben küldünk egy egyórás idősávot.',
            'Az új csomag ma elindul, és {dateBy} megérkezik.',
          ],
        },
        {
          ask: [
            'Hol van most?',
            'Pontosan hol van most a csomag?',
            'Legalább azt meg tudja mondani, hol van?',
          ],
          answers: [
            'A futárszolgálat gyáli raktárában van, ott szkennelték ma reggel 7:40-kor.',
            'Tegnap este a budaörsi elosztóközpontban szkennelték, most úton van a helyi depó felé.',
            'Visszakerült a raktárunkba, és {dateOn} újra feladjuk.',
          ],
        },
      ],
      nextSteps: [
        'Amint a futár átveszi, SMS-ben küldünk egy követési linket; kérem, a kézbesítés napján legyen Önnél a telefonja.',
        'Hozzáadtam a lakásszámot a szállítási címhez, így ez nem fordul elő újra.',
        'Ha a csomag {dateBy} nem érkezik meg, csak írjon ide, és azonnal visszatérítem az árát, kérdés nélkül.',
      ],
      articles: [
        { title: 'Rendelés nyomon követése', url: 'https://help.lumio.example/hu/articles/2003' },
        { title: 'Mi a teendő, ha késik a csomag', url: 'https://help.lumio.example/hu/articles/2019' },
      ],
      notes: [
        'Reklamáció nyitva a futárszolgálatnál ({order}), várjuk a kézbesítési igazolást.',
        'A csomag ({order}) elveszett, pótrendelés létrehozva.',
      ],
    },
    refund: {
      subjects: [
        'Visszatérítés visszaküldött termékért',
        'Még mindig várom a visszatérítést',
        'Visszatérítés a rendelésemhez',
      ],
      openings: [
        'Három hete visszaküldtem a fülhallgatót (rendelésszám: {order}), de a pénzt ({amount}) még mindig nem kaptam vissza.',
        'Visszaigazolták, hogy megkapták a visszaküldött terméket, de a pénz még mindig nincs meg. Mennyi ideig kellene ennek tartania?',
        'A rendelést ({order}) még feladás előtt lemondtam, és azt mondták, öt napon belül visszakapom a pénzt. Azóta két hét telt el.',
      ],
      details: [
        'Rendelésszám: {order}, 2-án postán adtam fel. A feladóvevény megvan.',
        'A rendelésszám {order}. Kártyával fizettem.',
        'Rendelésszám: {order}, {amount} összeget fizettem PayPallal.',
      ],
      explanations: [
        'A visszaküldött csomag 14-én megérkezett hozzánk, de a visszatérítést felfüggesztették, mert a dobozból hiányzott a töltő. Most látom, hogy a töltő külön borítékban érkezett, ezért feloldottam a visszatérítést.',
        'A visszatérítést jóváhagyták, de egy lejárt kártyára küldték, ezért a bank visszautalta hozzánk.',
        'A visszaküldést tévesen egy másik rendeléshez rögzítették, ezért a visszatérítés el sem indult. Ezt most kijavítottam.',
      ],
      jargon: [
        'Az RMA jóváíró bizonylat nélkül zárult, mert a WMS részleges beérkezést jelzett, így a pénzügy nem indította el a kifizetést.',
        'A chargeback sorban áll egy PSP-eltérés miatt, kézi egyeztetés kell, mielőtt újra kiküldjük.',
      ],
      options: [
        'Visszatéríthetem az eredeti kártyájára, ami néhány napig tart, vagy azonnal jóváírhatom vásárlási egyenlegként, 10% ráadással.',
        'A visszatérítést kártya helyett banki átutalással is küldhetem, vagy jóváírhatom a fiókjában egyenlegként — mindkettő azonnali a mi oldalunkon.',
      ],
      questions: [
        {
          ask: [
            'Mikor látom végre a pénzt?',
            'Mikor érkezik meg a visszatérítés?',
            'Most mennyi ideig fog tartani?',
          ],
          answers: [
            'Egy perce indítottam el a visszatérítést; {dateBy} megérkezik a kártyájára.',
            'Az átutalás ma elmegy, így legkésőbb {dateOn} meglesz a pénz.',
            'A kártyás visszatérítés {days} munkanapot vesz igénybe, így {dateBy} látni fogja.',
          ],
        },
        {
          ask: [
            'Mennyit térítenek vissza?',
            'A teljes összeget visszakapom?',
            'A szállítási díjat is visszatérítik?',
          ],
          answers: [
            'A teljes összeget visszakapja, vagyis {amount} összeget, a szállítási díjjal együtt.',
            'A visszatérítés összege {amount}: a termék ára plusz az eredeti szállítási díj.',
          ],
        },
      ],
      nextSteps: [
        'E-mailben megkapja a visszatérítés azonosítóját. Ha a pénz {dateBy} nem érkezik meg, küldjön egy képernyőképet a számlakivonatáról, és felveszem a kapcsolatot a bankkal.',
        'Önnek nincs további teendője; {dateOn} ellenőrzöm, hogy megérkezett-e az utalás.',
        'Kérem, a visszatérítés megérkezéséig őrizze meg a postai feladóvevényt, a biztonság kedvéért.',
      ],
      articles: [
        { title: 'Visszaküldés és visszatérítés', url: 'https://help.lumio.example/hu/articles/3001' },
        {
          title: 'Visszatérítési idők fizetési módonként',
          url: 'https://help.lumio.example/hu/articles/3008',
        },
      ],
      notes: [
        'Visszatérítés ({amount}, {order}) kézzel elindítva.',
        'A visszaküldés ({order}) rossz rendeléshez volt rögzítve, javítva.',
      ],
    },
    technical: {
      subjects: [
        'Nem működik az internet',
        'A router folyamatosan bontja a kapcsolatot',
        'Reggel óta nincs internet',
      ],
      openings: [
        'Reggel óta nem működik az internet. A routeren pirosan villog a lámpa.',
        'A wifi kb. tízpercenként megszakad. Otthonról dolgozom, úgyhogy ez komoly probléma.',
        'Egész héten borzalmas a sebesség: 500 megát fizetek, és kb. 20-at kapok.',
        'Egyáltalán nincs kapcsolat. Háromszor újraindítottam a routert, és semmi nem változik.',
      ],
      details: [
        'A router a fehér Lumio Hub 2. Minden lámpa világít, kivéve az internetet jelzőt.',
        'Kábellel is kipróbáltam, ugyanaz. A szerződés az én nevemen van.',
        'Reggel 8 körül kezdődött. Nálam semmi nem változott.',
      ],
      explanations: [
        'A környékét kiszolgáló elosztószekrényben hiba van; a technikusaink már a helyszínen javítják, tehát az Ön routerével minden rendben van.',
        'A routerén régi firmware-verzió fut, ez okozza a megszakadásokat. Az imént távolról elindítottam a frissítést.',
        'A méréseink szerint az elosztótól a lakásáig tartó vezeték sérült, ez okozza a lassúságot. Egy technikusnak ki kell cserélnie.',
        'A környékén tervezett karbantartás volt, ami a vártnál tovább tartott; a szolgáltatásnak hamarosan helyre kell állnia.',
      ],
      jargon: [
        'A VDSL-vonalán SNR-margin probléma van, és a DSLAM-port folyamatosan újraszinkronizál, nyitok egy jegyet a NOC-nak line testre.',
        'Úgy néz ki, PPPoE auth failure van a BRAS előtt, tehát ez már L2, kell egy MTR trace, mielőtt bárki ránéz.',
      ],
      options: [
        'Foglalhatok technikusi kiszállást, vagy előbb küldhetek futárral egy új routert, hogy kizárjuk azt — vagy akár mindkettőt, ha szeretné.',
        'Amíg tart a javítás, adhatok 20 GB ingyenes mobiladatot, hogy a telefonját hotspotként használhassa, vagy jóváírhatom a kiesett napokat a számláján.',
        'Most együtt megpróbálhatunk egy gyors visszaállítást, és ha az nem segít, azonnal foglalok technikust.',
      ],
      questions: [
        {
          ask: [
            'Mikor fog működni?',
            'Mennyi idő, mire megjavítják?',
            'Mikor lesz internetem? Szükségem van rá a munkához.',
          ],
          answers: [
            'A technikusok várhatóan ma {timeBy} elhárítják a hibát.',
            'A technikus {dateOn} tud kimenni, 8 és 12 óra között; a javítás általában kb. egy órát vesz igénybe.',
            'A frissítés kb. tíz percig tart. Ma {timeBy} stabilnak kell lennie a kapcsolatnak.',
          ],
        },
        {
          ask: [
            'Kapok valamit vissza az internet nélküli napokért?',
            'Fizetnem kell azokért a napokért, amikor semmi nem működött?',
            'Jár valamilyen kártérítés?',
          ],
          answers: [
            'Igen, a kiesett napokért {amount2} jóváírást kap a következő számláján — ez automatikusan történik.',
            'Azokért a napokért nem kell fizetnie: {amount2} jóváírást rögzítettem, ezt a következő számláján fogja látni.',
          ],
        },
      ],
      nextSteps: [
        'Kérem, hagyja bekapcsolva a routert, hogy figyelemmel kísérhessük a vonalat. Amikor a javítás befejeződik, SMS-t kap.',
        'A technikus kb. 30 perccel az érkezése előtt felhívja. Kérem, gondoskodjon róla, hogy legyen otthon nagykorú személy.',
        'Ha a frissítés után újra megszakad a kapcsolat, indítsa újra egyszer a routert, és írja meg ide, hány órakor történt.',
      ],
      articles: [
        { title: 'Mit jelentenek a router lámpái', url: 'https://help.lumio.example/hu/articles/4002' },
        { title: 'Lassú otthoni wifi javítása', url: 'https://help.lumio.example/hu/articles/4015' },
      ],
      notes: [
        'Ismert hiba az elosztónál, hivatkozás: {ticket}. Ügyfél tájékoztatva.',
        'Line test sikertelen, technikus lefoglalva. Holnap ellenőrizni, hogy kiment-e.',
      ],
    },
    account_access: {
      subjects: [
        'Nem tudok belépni a fiókomba',
        'Nem érkezik meg a jelszó-visszaállító e-mail',
        'Zárolták a fiókomat',
      ],
      openings: [
        'Nem tudok belépni a Lumio alkalmazásba. Azt írja, hogy hibás a jelszó, pedig biztosan jó.',
        'Háromszor kértem új jelszót, de az e-mail egyszer sem érkezett meg.',
        'Néhány próbálkozás után zárolták a fiókomat, és ma be kellene fizetnem egy számlát.',
        'Telefont cseréltem, és most az alkalmazás olyan kódot kér, ami a régi számomra megy.',
      ],
      details: [
        'A fiókhoz tartozó e-mail-cím: {email}.',
        'A fiók ezzel a címmel van regisztrálva: {email}. A születési dátumom is szerepel benne.',
        'A felhasználónevem: {email}, a fiók az én nevemen van.',
      ],
      explanations: [
        'A fiókját a rendszer öt sikertelen próbálkozás után automatikusan zárolta — így védjük a jelszó kitalálása ellen. Most feloldottam.',
        'A levelezőszolgáltatója blokkolta a jelszó-visszaállító leveleinket, ezért azok karanténba kerültek a beérkezett üzenetek helyett. Küldtem egy új linket egy másik címről.',
        'A kód azért megy továbbra is a régi számra, mert az van biztonsági számként mentve a fiókban. Lecseréltem az újra.',
      ],
      jargon: [
        'Az SSO tokenje érvénytelen, mert az IdP megflaggelte a sessiont, kényszerítettem egy re-autht, és töröltem az MFA bindingot.',
        'A reset mail SPF-en pattan, és az MTA sorában ragadt, újraindítottam az OTP flow-t.',
      ],
      options: [
        'Küldhetek új jelszó-visszaállító linket e-mailben, vagy egyszer használatos kódot SMS-ben — amelyik most Önnek egyszerűbb.',
        'Ha ma be kell fizetnie a számlát, telefonon is befogadhatom a fizetést, vagy használhatja a gyorsfizetési linket bejelentkezés nélkül.',
      ],
      questions: [
        {
          ask: ['Meddig érvényes a link?', 'Mennyi ideig tart a feloldás?', 'Mikor tudok belépni?'],
          answers: [
            'Az új link {hours} órán át érvényes, ezért kérem, még ma használja fel.',
            'A fiók már fel van oldva — most azonnal beléphet, az új kód egy percen belül megérkezik.',
          ],
        },
        {
          ask: [
            'Hol tudom utána megváltoztatni a jelszót?',
            'Legközelebb hogyan tudom magam módosítani a telefonszámot?',
          ],
          answers: [
            'Az alkalmazásban válassza a Profil → Biztonság → Jelszó módosítása menüpontot. Kb. egy percet vesz igénybe.',
            'Nyissa meg az alkalmazást, koppintson a „Profil”, majd a „Biztonság” menüre, és válassza a „Telefonszám módosítása” lehetőséget; a megerősítéshez kódot kap az új számra.',
          ],
        },
      ],
      nextSteps: [
        'Belépés után kérem, adjon meg új jelszót, és kapcsolja be a kétlépcsős azonosítást, hogy ez ne forduljon elő újra.',
        'Ha öt percen belül nem érkezik meg az e-mail, nézze meg a levélszemét mappát, majd írjon nekem ide.',
        'A régi számát eltávolítottuk a fiókból, így mostantól a kódok csak az újra érkeznek.',
      ],
      articles: [
        { title: 'Jelszó visszaállítása', url: 'https://help.lumio.example/hu/articles/5004' },
        { title: 'Kétlépcsős azonosítás', url: 'https://help.lumio.example/hu/articles/5011' },
      ],
      notes: [
        'Fiók feloldva személyazonosság-ellenőrzés után (születési dátum + utolsó számla összege).',
        'A reset leveleket a szolgáltató blokkolja, tartalék feladóval küldve.',
      ],
    },
    plan_change: {
      subjects: ['Csomagváltás gyorsabbra', 'Váltás olcsóbb csomagra', 'Kérdés az új csomagról'],
      openings: [
        'Jelenleg a {plan} csomagom van, és szeretnék valami gyorsabbra váltani. Milyen lehetőségeim vannak?',
        'Túl sokat fizetek ahhoz képest, amennyit használok. Átválthatok egy olcsóbb csomagra?',
        'Láttam a honlapjukon a {plan2} ajánlatot. Átválthatok rá, pedig még él a szerződésem?',
      ],
      details: [
        'A {plan} csomagom van, a szerződés tavaly tavasszal kezdődött.',
        'A szerződés az én nevemen van, a jelenlegi csomag a {plan}.',
      ],
      explanations: [
        'Csomagot bármikor válthat: a magasabb csomagra váltás azonnal életbe lép, az alacsonyabbra pedig a következő számlázási időszak elejétől.',
        'Mivel még a szerződése első évében jár, átválthat olcsóbb csomagra, de a szerződés végéig a régi ár marad érvényben; magasabb csomagra váltásnak nincs díja.',
        'A {plan2} csomag kétszer olyan gyors, mint a jelenlegi, és korlátlan hívást tartalmaz, tehát megfelel annak, amit leírt.',
      ],
      jargon: [
        'Ez mid-term regrade lenne, tehát ETC-vel jár, hacsak nem like-for-like SKU-csere ugyanabban a tierben.',
        'Nyitnom kell egy MAC-rendelést, az új tarifakódot a következő bill runnál provizionálják.',
      ],
      options: [
        'Választhatja a gyorsabb {plan2} csomagot, vagy megtarthatja a mostanit egy 100 GB-os mobilnet-kiegészítővel — szóljon, melyik tetszik jobban.',
        'Két olcsóbb lehetőség van: a {plan2} ugyanazzal a sebességgel, kevesebb extrával, vagy a jelenlegi csomagja 12 hónapos hűségkedvezménnyel.',
        'Már ma átállíthatom, vagy ütemezhetem a váltást a következő számlázási időszak elejére, hogy egy hónapban ne terheljük kétszer.',
      ],
      questions: [
        {
          ask: ['Mennyibe fog kerülni?', 'Mennyi a havidíj?', 'Havonta mennyivel fizetnék többet?'],
          answers: [
            'A {plan2} havidíja {amount2}, és a váltásnak nincs díja.',
            'Havonta {amount2} összeget fizetne, egyszeri díjak nélkül.',
          ],
        },
        {
          ask: ['Mikor történne a váltás?', 'Mikortól érvényes?', 'Mikor indul az új csomag?'],
          answers: [
            'Az új csomag {dateOn} indul, a következő számlázási időszak kezdetével.',
            'Ma {timeBy} aktiválódik; SMS-t kap, amikor él.',
          ],
        },
      ],
      nextSteps: [
        'Elvégeztem a váltást; e-mailben megkapja az új szerződés összefoglalóját, és további teendője nincs.',
        'Hét napra lefoglaltam Önnek az ajánlatot — csak válaszoljon ide egy „igen”-nel a megerősítéshez.',
        'A routert nem kell cserélni; a ma esti újraindítás után már az új sebességgel működik.',
      ],
      articles: [
        { title: 'Csomagjaink összehasonlítása', url: 'https://www.lumio.example/hu/csomagok' },
        { title: 'Csomagváltás', url: 'https://help.lumio.example/hu/articles/6002' },
      ],
      notes: [
        'Upsell: {plan2}, az ügyfél elégedett.',
        'Az ügyfél olcsóbb csomagot szeretne, megtartási ajánlatot kapott.',
      ],
    },
    agent_complaint: {
      subjects: ['Panasz az egyik munkatársukra', 'Nem hívtak vissza, ahogy ígérték', 'Hivatalos panasz'],
      openings: [
        'Múlt héten telefonáltam, és a munkatárs, akivel beszéltem, udvariatlan volt, aztán egyszerűen lecsapta a telefont.',
        '24 órán belüli visszahívást ígértek. Ez öt napja volt, és azóta sem hívott senki.',
        'Az egyik kollégájuk azt mondta, hogy a visszatérítés megtörtént. Kiderült, hogy semmit nem dolgoztak fel.',
        'Négy különböző ember között dobáltak, és mindegyik mást mondott.',
      ],
      details: [
        'Kedd délután volt, a kapott hivatkozási szám: {ticket}.',
        'A hívás múlt csütörtökön 15 óra körül volt. A munkatárs nevét nem jegyeztem meg.',
      ],
      explanations: [
        'Elolvastam az előző megkeresése jegyzeteit, és igaza van: a visszahívást soha nem ütemezték be. Ennek nem lett volna szabad megtörténnie.',
        'Az ügyét átnézve a kollégám téves tájékoztatást adott a visszatérítésről. Most szabályosan feldolgoztam.',
        'Meghallgattam a hívása felvételét: elfogadhatatlan, ahogyan Önnel beszéltek. Az ügyet továbbítottam a csoportvezetőnek.',
      ],
      jargon: [
        'Az előző interakciót disposition kód nélkül zárták le, ezért nem került be a WFM callback sorába.',
        'Tévesen FCR-nek jelölték, ezért a visszahívási feladat SLA-időzítője el sem indult.',
      ],
      options: [
        'Mostantól személyesen átvehetem az ügyét, hogy ne kelljen újra elmagyaráznia, és jóváírhatok egy kompenzációt is a számláján.',
        'Rögzíthetem hivatalos panaszként, írásbeli válasszal, vagy a csoportvezető közvetlenül felhívhatja — vagy mindkettő.',
      ],
      questions: [
        {
          ask: ['Mit fognak ezzel kezdeni?', 'Foglalkozik ezzel egyáltalán valaki?', 'Mikor kapok választ?'],
          answers: [
            'A panaszát {ticket} számon rögzítettem; a csoportvezető {dateBy} írásban válaszol.',
            'Én magam hívom fel {dateOn}, és elmondom az eredményt.',
          ],
        },
        {
          ask: ['Megkapom a megígért kompenzációt?', 'Mi a helyzet a jóváírással, amit említettek?'],
          answers: [
            'Igen — ma jóváírtam {amount2} összeget, a következő számláján már látni fogja.',
            'A jóváírás ({amount2}) annak idején nem történt meg; most rögzítettem, és a következő számláján szerepelni fog.',
          ],
        },
      ],
      nextSteps: [
        'A panasza {ticket} számon szerepel; az írásbeli választ e-mailben kapja meg, és az ügy lezárásáig én leszek a kapcsolattartója.',
        'A csoportvezető fel fogja hívni; ha valamelyik időpont jobban megfelel, csak szóljon.',
      ],
      articles: [{ title: 'Panaszkezelési eljárásunk', url: 'https://help.lumio.example/hu/articles/7001' }],
      notes: [
        'Panasz a munkatárs viselkedésére, a hívásfelvételt bekértük ellenőrzésre.',
        'A megígért visszahívást nem ütemezték be; TL-nek továbbítva coachingra.',
      ],
    },
    cancellation: {
      subjects: ['Szerződés felmondása', 'Szeretnék felmondani', 'Felmondási kérelem'],
      openings: [
        'Szeretném felmondani az internet-előfizetésemet. Jövő hónapban külföldre költözöm.',
        'Kérem, mondják le az előfizetésemet. Találtam máshol olcsóbb ajánlatot.',
        'Hogyan lehet felmondani? Sehol nem találom ezt a lehetőséget az alkalmazásban.',
      ],
      details: [
        'A szerződés az én nevemen van, a {plan} csomaggal.',
        'A {plan} csomagom van. A szerződés kb. másfél éve kezdődött.',
      ],
      explanations: [
        'A szerződése határozott ideje már lejárt, így 30 napos felmondási idővel, díjmentesen felmondhatja.',
        'Még öt hónap van hátra a hűségidőből, ezért idő előtti felmondás esetén kötbért kell fizetni; a külföldre költözés kivétel, ha elküldi az új lakcím igazolását.',
        'A felmondást nem lehet az alkalmazásban intézni, csak a csapatunkon keresztül, ezért most azonnal el tudom intézni Ön helyett.',
      ],
      jargon: [
        'Még benne van az MCP-ben, tehát ETF jár, hacsak a retention nem ad waivert a cease dátuma előtt.',
        'Nyitok egy cease rendelést, a port-out a következő ciklusban automatikusan legenerálja a végszámlát.',
      ],
      options: [
        'Felmondhatom 30 napos felmondási idővel, vagy ha az ár a gond, a következő évre {amount2} havidíjért ajánlhatom a {plan2} csomagot.',
        'Felmondhat most, és postán visszaküldi a routert, vagy akár három hónapra szüneteltetheti a szolgáltatást, ha esetleg visszatérne.',
      ],
      questions: [
        {
          ask: [
            'Mennyi a felmondási díj?',
            'Kell fizetnem valamit a felmondásért?',
            'Mennyi lesz a végszámla?',
          ],
          answers: [
            'Az idő előtti felmondás kötbére {amount2}, ez a végszámláján fog szerepelni.',
            'Az Ön esetében nincs felmondási díj; a végszámla {amount2} lesz a megszűnés napjáig tartó szolgáltatásért.',
          ],
        },
        {
          ask: ['Mikor jár le a szerződés?', 'Meddig működik a szolgáltatás?'],
          answers: [
            'A szolgáltatás a megszűnés napjáig aktív marad, a szerződés {dateOn} szűnik meg.',
            'Minden a megszűnésig működik; a szolgáltatás {dateOn} szűnik meg.',
          ],
        },
      ],
      nextSteps: [
        'Egy órán belül e-mailben megkapja a felmondás visszaigazolását és egy előre fizetett címkét a router visszaküldéséhez.',
        'Kérem, a megszűnés napjától számított 14 napon belül küldje vissza a routert, különben az árát a végszámlán kiszámlázzuk.',
      ],
      articles: [{ title: 'A szolgáltatás lemondása', url: 'https://help.lumio.example/hu/articles/8003' }],
      notes: [
        'Megtartási ajánlatot elutasította, felmondás rögzítve.',
        'Az ügyfél elfogadta a megtartási ajánlatot ({plan2}).',
      ],
    },
    damaged_item: {
      subjects: ['Sérülten érkezett a termék', 'Törött telefon a csomagban', 'Sérült küldemény'],
      openings: [
        'A megrendelt telefon ma repedt kijelzővel érkezett meg. A doboz is be volt horpadva.',
        'A rendelésemben ({order}) érkezett router egyáltalán nem kapcsol be, és zörög benne valami.',
        'Kinyitottam a csomagot, és a tablet hátulján egy nagy karcolás van. Ennek újnak kellett volna lennie!',
      ],
      details: [
        'Rendelésszám: {order}. Amint kinyitottam, lefényképeztem a dobozt és a telefont.',
        'Rendelésszám: {order}, ma reggel kézbesítették.',
      ],
      explanations: [
        'Úgy tűnik, a csomag szállítás közben sérült meg — a dobozon lévő horpadás is ezt mutatja. Természetesen jár Önnek egy új készülék.',
        'Ez néha előfordul, ha a készülék szállítás közben leesik. Önnek ezért semmit nem kell fizetnie.',
      ],
      jargon: [
        'DOA-ként rögzítem, és nyitok egy RMA-t a fuvarozó claim kódjával, a csere az advance replacement SKU-n megy.',
        'Végig kell mennie a DOA-folyamaton QC-ellenőrzéssel, mielőtt a logisztika kiadja a cserét.',
      ],
      options: [
        'Azonnal küldhetek egy cserekészüléket, vagy visszatéríthetem a teljes összeget — és ha szeretné, a futár az ajtóban kicseréli.',
        'Holnapra megkaphatja az újat, vagy még ma kicserélheti bármelyik Lumio üzletben, ha van egy a közelében.',
      ],
      questions: [
        {
          ask: ['Mikor kapom meg az újat?', 'Milyen gyorsan tudnak cserét küldeni?', 'Mikorra várhatom?'],
          answers: [
            'A cserekészülék ma elindul, és {dateBy} megérkezik; a követési linket SMS-ben küldjük.',
            'A futár {dateOn} viszi ki az újat 8 és 18 óra között, és ugyanakkor elviszi a sérültet.',
          ],
        },
        {
          ask: ['Nekem kell fizetnem a visszaküldést?', 'Ki fizeti a visszaküldést?'],
          answers: [
            'Nem, a visszaküldés ingyenes: küldünk egy előre fizetett címkét, a futár pedig {dateOn} elviszi a csomagot.',
            'Önnek semmibe sem kerül — a futár elviszi a sérült készüléket, amikor az újat hozza.',
          ],
        },
      ],
      nextSteps: [
        'Kérem, őrizze meg a sérült készüléket és a dobozát; a futár elviszi, amikor az újat hozza.',
        'Ha tudja, küldjön egy fotót a sérülésről; ez segít a fuvarozónál benyújtott kárigényben, de a csere nem vár rá.',
      ],
      articles: [{ title: 'Sérült vagy hibás termékek', url: 'https://help.lumio.example/hu/articles/9002' }],
      notes: [
        'Szállítási sérülés, cserepéldány rendelve ({order}).',
        'Fotók megérkeztek, kárigény nyitva a fuvarozónál.',
      ],
    },
  },

  customerHellos: ['Jó napot!', 'Üdvözlöm!', 'Jó napot kívánok!', 'Tisztelt Ügyfélszolgálat!', 'Sziasztok!'],
  customerSignoffs: [
    'Köszönöm,\n{customer}',
    'Üdvözlettel:\n{customer}',
    'Tisztelettel:\n{customer}',
    '{given}',
  ],
  repeatContact: [
    'Már múlt héten is írtam emiatt, és semmi nem változott.',
    'Már másodszor írok ebben az ügyben.',
    'Hétfőn is telefonáltam ugyanezzel, és azt mondták, megoldják.',
  ],
  frustration: [
    'Ez tényleg nagyon bosszantó.',
    'Őszintén szólva ez elfogadhatatlan.',
    'Elegem van ebből.',
    'Sokkal többet vártam Önöktől.',
  ],
  complaintWording: [
    'Hivatalos panaszt szeretnék tenni.',
    'Kérem, rögzítsék ezt panaszként.',
    'Nem vagyok elégedett azzal, ahogyan az ügyemet kezelik, és szeretném, ha panaszként rögzítenék.',
  ],
  pushback: [
    'Ez nem válasz a kérdésemre. Pontosan mikor?',
    'Az, hogy „amint lehet”, nem válasz. Egy dátumra van szükségem.',
    'Mindig ezt mondják. Kaphatnék egy valódi választ?',
  ],
  escalationRequests: [
    'A felettesével szeretnék beszélni.',
    'Beszélhetnék egy vezetővel?',
    'Kérem, kapcsoljon valakihez, akinek több jogköre van.',
  ],
  nameReplies: ['{customer}.', '{customer} vagyok.', 'A nevem {customer}.'],
  choices: [
    'Az első lehetőséget kérem.',
    'A másodikat választom.',
    'Az első jobbnak tűnik, legyen az.',
    'Rendben, kérem, úgy intézze.',
  ],
  acknowledgements: ['Rendben, köszönöm.', 'Értem.', 'Jó, értem.', 'Oké.', 'Rendben.'],
  backchannel: ['Aha.', 'Igen.', 'Értem.', 'Mhm.', 'Oké.'],
  nothingElse: ['Nem, ennyi volt, köszönöm.', 'Nem, semmi más.', 'Ennyi, köszönöm.', 'Nincs több kérdésem.'],
  closingsHappy: [
    'Szuper, nagyon köszönöm a segítséget!',
    'Remek, köszönöm. Sokat segített.',
    'Köszönöm szépen, további szép napot!',
    'Tökéletes, köszönöm!',
  ],
  closingsAngry: [
    'Mindegy. Nem vagyok elégedett.',
    'Használhatatlan. Keresek másik szolgáltatót.',
    'Jó. Írni fogok erről egy értékelést.',
    'Hihetetlen, milyen bonyolult ez.',
  ],
  chasers: [
    'Jó napot, van valami hír? Eltelt már néhány nap.',
    'Még mindig nem kaptam választ. Mi a helyzet az ügyemmel?',
    'Csak érdeklődöm — van valami fejlemény?',
  ],
  reopenings: [
    'Ismét jó napot, a hiba visszajött. Két napig működött, most pedig ugyanaz, mint előtte.',
    'Sajnos ez mégsem oldódott meg. Ma újra ugyanez történt.',
    'Jó napot, újra meg kell nyitnom az ügyet — valójában semmi nem változott.',
  ],

  greetings: {
    morning: ['Jó reggelt kívánok'],
    afternoon: ['Jó napot kívánok'],
    evening: ['Jó estét kívánok'],
    neutral: ['Üdvözlöm', 'Jó napot'],
  },
  emailSalutations: ['Kedves {name}!', 'Tisztelt {name}!'],
  emailSalutationsPlain: ['Tisztelt Ügyfelünk!', 'Kedves Ügyfelünk!', 'Jó napot kívánok!'],
  emailSignoffs: [
    'Üdvözlettel:\n{agentFull}\n{company} Ügyfélszolgálat',
    'Tisztelettel:\n{agentFull}\n{company} ügyfélszolgálat',
    'Üdvözlettel:\n{agentFull} | {company} ügyfélszolgálat',
  ],
  introductions: [
    '{agent} vagyok, ma én segítek Önnek.',
    'A nevem {agent}, és én foglalkozom az ügyével.',
    '{agent} vagyok.',
  ],
  phoneIntroductions: [
    '{company} ügyfélszolgálat, {agent} vagyok, miben segíthetek?',
    'Köszönöm, hogy a {company} ügyfélszolgálatát hívta, {agent} vagyok. Miben segíthetek?',
  ],
  askName: ['Megmondaná a teljes nevét, kérem?', 'Kivel beszélek?', 'Elárulná a nevét, kérem?'],
  howCanIHelp: ['Miben segíthetek?', 'Parancsoljon, miben segíthetek?', 'Miben lehetek a segítségére?'],
  askDetails: [
    'Megadná a rendelés- vagy a számlaszámot, illetve a fiókja adatait?',
    'Elmondaná egy kicsit részletesebben, hogy alaposan utánanézhessek?',
    'Megerősítene néhány adatot, kérem?',
  ],
  empathy: [
    'Nagyon sajnálom, hogy ez történt.',
    'Elnézést kérek a kellemetlenségért, teljesen megértem, mennyire bosszantó.',
    'Elnézést a kellemetlenségért — most rendbe teszem.',
    'Sajnálom, hogy emiatt kellett megkeresnie minket; megértem, hogy frusztráló.',
  ],
  hold: [
    'Utánanézek, egy-két percet vesz igénybe.',
    'Egy pillanat türelmet kérek, utánanézek.',
    'Kérem, várjon egy kicsit, amíg ellenőrzöm a fiókját.',
  ],
  afterHold: ['Köszönöm, hogy várt.', 'Köszönöm a türelmét.', 'Köszönöm a türelmét, amíg utánanéztem.'],
  vague: [
    'Dolgozunk rajta.',
    'Amint lehet, megoldjuk.',
    'Pontosan nem tudom megmondani, feldolgozás alatt van.',
    'Továbbítottuk az illetékes osztálynak.',
    'Hamarosan, remélhetőleg.',
  ],
  estimates: [
    'Mindennek {dateBy} rendeződnie kell.',
    'Legkésőbb {dateBy} minden elkészül.',
    'Várhatóan {dateBy} megoldódik.',
    'Ez általában {days} munkanapot vesz igénybe, így {dateBy} minden elkészül.',
  ],
  articleOffers: [
    'Legközelebbre itt egy rövid útmutató („{title}”): {url}',
    'Lépésről lépésre szóló útmutatót itt talál: {url}',
    'Ez a cikk részletesebben elmagyarázza: {url}',
  ],
  rude: [
    'El kellett volna olvasnia a szerződési feltételeket, mielőtt rendelt.',
    'Ahogy már mondtam, nem tudok többet tenni.',
    'Ez nem a mi hibánk, biztosan rosszul adott meg valamit.',
    'Ha elsőre úgy csinálta volna, ahogy mondtuk, ez nem történt volna meg.',
    'Kérem, nyugodjon meg. Attól, hogy kiabál, nem lesz gyorsabb.',
  ],
  escalationOffers: [
    'Természetesen. Továbbítom az ügyét a felettesemnek, aki {hours} órán belül felveszi Önnel a kapcsolatot.',
    'Megértem. Átkapcsolom egy tapasztaltabb kollégához, aki kivételt is engedélyezhet.',
    'Ha szeretné, továbbíthatom az ügyet a csoportvezetőmnek — ő olyan lehetőségeket is felajánlhat, amelyeket én nem.',
  ],
  transferOffers: [
    'Ezzel egy másik csapat foglalkozik — most átirányítom Önt hozzájuk, így nem kell elölről kezdenie.',
    'Átadom az illetékes kollégáknak; ők mindent látni fognak, amit eddig írt.',
  ],
  escalationRefusals: [
    'Senki más nem tud ebben segíteni Önnek.',
    'A felettesem pontosan ugyanezt fogja mondani.',
    'Nem tudom átkapcsolni, el kell fogadnia ezt a választ.',
  ],
  escalationPickups: [
    '{agent} vagyok, csoportvezető. Átolvastam az ügyét, innentől én viszem tovább.',
    '{agent} vagyok az eszkalációs csapatból. Minden információ megvan, így semmit nem kell megismételnie.',
  ],
  anythingElse: [
    'Segíthetek még valamiben?',
    'Van még valami, amiben a segítségére lehetek?',
    'Van még kérdése?',
  ],
  thanks: [
    'Köszönöm a türelmét.',
    'Köszönöm, hogy időt szánt ránk.',
    'Köszönöm a türelmét, amíg rendeztük az ügyet.',
    'Köszönjük, hogy megkeresett minket.',
  ],
  ratingRequests: [
    'A beszélgetés után kap egy rövid kérdőívet — nagyon hálás lennék, ha értékelné a beszélgetésünket.',
    'Ha van egy perce, kérem, értékelje ezt a beszélgetést a következő kérdőívben; ez sokat segít nekünk a fejlődésben.',
    'Értékelné a munkámat a linken, amelyet kapni fog? Minden visszajelzést szívesen fogadunk, a jót és a rosszat is.',
  ],
  farewells: ['További szép napot kívánok!', 'Minden jót kívánok!', 'Szép napot!', 'Viszontlátásra!'],
  followUps: [
    'Rövid tájékoztatás az ügyéről: még folyamatban van, várhatóan {dateBy} lezárul. Holnap újra jelentkezem.',
    'Ahogy ígértem, itt egy friss hír: a csapat megerősítette a megoldást, és {dateBy} minden elkészül.',
  ],
  reopenReplies: [
    'Sajnálom, hogy a hiba visszatért. Újranyitottam az ügyét, és már vizsgálom.',
    'Köszönöm, hogy jelezte. Újranyitottam az ügyet, hogy végleg megoldjuk.',
  ],
  botGreetings: [
    'Üdvözlöm! A Lumio virtuális asszisztense vagyok. Kérem, röviden írja le, miben segíthetek.',
    'Üdvözöljük a Lumio ügyfélszolgálatán! Miben segíthetek ma?',
  ],
  botHandoffs: [
    'Köszönöm! Kapcsolom egy munkatársunkat. A várakozási idő kb. 2 perc.',
    'Most átadom egy kollégámnak — kérem, maradjon a chatben.',
  ],
  transferNotices: ['A beszélgetés átirányítva ide: {team}.', 'Átirányítva ide: {team}.'],
  genericNotes: [
    'Az ügyfél idegesnek tűnt, óvatosan.',
    'Kérdés elküldve ide: {team}; megvárjuk a választ, mielőtt írunk az ügyfélnek.',
    'Ügy: {ticket} — holnap ellenőrizni, ha nincs hír.',
    'Az ügyfél már többször jelentkezett emiatt, lásd a korábbi jegyeket.',
  ],
  surveyPositive: [
    'Gyors és kedves, köszönöm!',
    'Nagyon segítőkész volt, mindent érthetően elmagyarázott.',
    'Elsőre megoldották a problémát. Kiváló szolgáltatás.',
    'Nagyon türelmes és udvarias, köszönöm.',
  ],
  surveyNeutral: [
    'Rendben volt, de sokáig tartott.',
    'Végül megoldódott, de kétszer kellett rákérdeznem.',
    'Átlagos.',
  ],
  surveyNegative: [
    'Senki nem tudott egyenes választ adni.',
    'Udvariatlan és haszontalan.',
    'Még mindig nincs megoldva. Időpocsékolás.',
    'Ide-oda kapcsolgattak, és mindent el kellett ismételnem.',
  ],
};
