import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LEXICONS } from './lexicons/index.js';
import { foldText } from './text/fold.js';
import { clusterTopics, suggestLabel } from './topics.js';

const STOP = new Set(
  Object.values(LEXICONS).flatMap((lexicon) => lexicon.functionWords.map((word) => foldText(word))),
);

// Two topics per language, three complaints each, written differently each time.
const CASES: Record<string, { a: string[]; b: string[] }> = {
  en: {
    a: [
      'My parcel was never delivered, the delivery is two weeks late',
      'Delivery late again, parcel still not delivered after ten days',
      'The courier lost my parcel and delivery tracking shows nothing',
    ],
    b: [
      'I was charged twice on my invoice this month',
      'Double charge on the invoice, please refund the second charge',
      'Invoice shows a charge I never agreed to',
    ],
  },
  ru: {
    a: [
      'Посылка так и не доставлена, доставка опаздывает на две недели',
      'Курьер потерял посылку, доставка не работает',
      'Где моя посылка? Доставку обещали вчера',
    ],
    b: [
      'С карты списали деньги дважды за один счёт',
      'Двойное списание денег, верните списанные деньги',
      'В счёте списание, которого я не делал, деньги списали без согласия',
    ],
  },
  bg: {
    a: [
      'Пратката ми не е доставена, доставката закъснява две седмици',
      'Куриерът загуби пратката, доставката е ужасна',
      'Къде е пратката ми? Доставката трябваше да е вчера',
    ],
    b: [
      'Фактурата ми е с двойно таксуване този месец',
      'Двойно таксуване по фактурата, искам възстановяване на таксуването',
      'Във фактурата има таксуване, което не съм одобрил',
    ],
  },
  hr: {
    a: [
      'Paket nije dostavljen, dostava kasni dva tjedna',
      'Dostava opet kasni, paket jos nije stigao',
      'Kurir je izgubio paket, dostava je katastrofa',
    ],
    b: [
      'Na racunu mi je naplaceno dvostruko',
      'Dvostruka naplata na racunu, vratite novac za naplatu',
      'Racun pokazuje naplatu koju nisam odobrio',
    ],
  },
  hu: {
    a: [
      'A csomagom nem érkezett meg, a szállítás két hetet késik',
      'A futár elvesztette a csomagot, a szállítás borzalmas',
      'Hol van a csomagom? A szállítást tegnapra ígérték',
    ],
    b: [
      'A számlámon kétszer terheltek meg',
      'Dupla terhelés a számlán, kérem a terhelés visszatérítését',
      'A számla olyan terhelést mutat, amit nem hagytam jóvá',
    ],
  },
};

describe('topic clustering', () => {
  for (const [language, { a, b }] of Object.entries(CASES)) {
    it(`puts obviously similar ${language} complaints together and apart from the rest`, () => {
      const texts = [...a, ...b].map((text, id) => ({ id, text }));
      // Interleave, so grouping does not depend on the order.
      const order = [0, 3, 1, 4, 2, 5].map((i) => texts[i] as { id: number; text: string });
      const topics = clusterTopics(order, STOP);
      const topicOf = (id: number) => topics.findIndex((t) => t.members.includes(id));
      assert.equal(topicOf(0), topicOf(1), `${language}: ${JSON.stringify(topics)}`);
      assert.equal(topicOf(1), topicOf(2), `${language}: ${JSON.stringify(topics)}`);
      assert.equal(topicOf(3), topicOf(4), `${language}: ${JSON.stringify(topics)}`);
      assert.equal(topicOf(4), topicOf(5), `${language}: ${JSON.stringify(topics)}`);
      assert.notEqual(topicOf(0), topicOf(3));
    });
  }

  it('names a topic by its most telling words, as written', () => {
    const topics = clusterTopics(CASES.en?.a.map((text, id) => ({ id, text })) ?? [], STOP);
    assert.equal(topics.length, 1);
    assert.ok(topics[0]?.label.includes('parcel'));
    assert.ok(topics[0]?.label.includes('delivery') || topics[0]?.label.includes('delivered'));
  });

  it('gives the same topics for the same texts, and copes with empty input', () => {
    const texts = CASES.hr?.b.map((text, id) => ({ id, text })) ?? [];
    assert.deepEqual(clusterTopics(texts, STOP), clusterTopics(texts, STOP));
    assert.deepEqual(clusterTopics([], STOP), []);
    assert.equal(clusterTopics([{ id: 1, text: '!!!' }], STOP)[0]?.key, 'unclassified');
  });
});

describe('label suggestion', () => {
  it('suggests the category whose past complaints are most alike, in any language, or none', () => {
    const examples = [
      ...(CASES.en?.a ?? []).map((text) => ({ label: 'delivery', text })),
      ...(CASES.hr?.a ?? []).map((text) => ({ label: 'delivery', text })),
      ...(CASES.en?.b ?? []).map((text) => ({ label: 'billing', text })),
      ...(CASES.hr?.b ?? []).map((text) => ({ label: 'billing', text })),
    ];
    assert.equal(suggestLabel('Where is my parcel? The delivery is late', examples, STOP)?.label, 'delivery');
    assert.equal(suggestLabel('Dvostruka naplata na računu', examples, STOP)?.label, 'billing');
    assert.equal(suggestLabel('Lovely weather today', examples, STOP), null);
  });
});
