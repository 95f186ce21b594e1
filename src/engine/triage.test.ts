import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LEXICONS } from './lexicons/index.js';
import { ComplaintTriage } from './triage.js';

describe('complaint triage', () => {
  const triage = new ComplaintTriage(Object.values(LEXICONS), [
    { phrases: ['lawyer', 'odvjetnik*'], severity: 'critical' },
  ]);

  it("applies the organisation's rules first, in any language", () => {
    assert.equal(triage.assess('I will talk to my lawyer about this').severity, 'critical');
    assert.equal(triage.assess('Javit ću se odvjetniku').severity, 'critical');
  });

  it('reads a demand to speak to a manager as high and a plain remark as low', () => {
    assert.equal(triage.assess('I want to speak to your manager right now').severity, 'high');
    assert.equal(triage.assess('The parcel came a day later than planned').severity, 'low');
  });

  it('reads a demand for a remedy as medium', () => {
    const result = triage.assess('I want my money back');
    assert.equal(result.severity, 'medium');
    assert.ok(result.reasons.includes('complaint.demand'));
  });
});
