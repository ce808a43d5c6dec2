import { html } from 'lit';
import type { Example } from '../../internal/example.js';
import type { StepperStep } from './stepper.js';

const steps: StepperStep[] = [
  { id: 'applicant', title: '申請人資料', state: 'done', reachable: true },
  { id: 'household', title: '家庭成員', state: 'current', reachable: true },
  { id: 'rental', title: '租屋資料', state: 'todo', reachable: false },
  { id: 'review', title: '確認資料', state: 'todo', reachable: false },
];

export const examples: Example[] = [
  { name: 'Second of four', render: () => html`<formosa-stepper label="申請進度" progress="第 2 步，共 4 步" done-text="（已完成）" current-text="（目前步驟）" .steps=${steps}></formosa-stepper>` },
];
