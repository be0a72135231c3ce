import { registerPanel } from '../shell/panels';
import { BloodPressure } from './BloodPressure';

export function registerResults(): void {
  registerPanel({ id: 'blood-pressure', section: 'results', order: 10, shownBy: 'chart', component: BloodPressure });
}
