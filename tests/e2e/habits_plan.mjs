// The plan the habits tests (page_habits.mjs, desktop_habits.txt) start from, dated around today:
// "late" is a day past its release date and not released (overdue), "shipped" is out, "next" is ahead.
//   node tests/e2e/habits_plan.mjs   prints it (the desktop run opens it with --plan)
import { fileURLToPath } from 'node:url';

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

export function habitsPlan() {
  return {
    format: { name: 'relplan', version: 1 },
    project: { name: 'Habits', id: 'habits-0123456789ab' },
    components: [{ id: 'api', name: 'API' }, { id: 'web', name: 'Web' }],
    releases: [
      { id: 'shipped', name: 'Shipped', version: '1.1.0', type: 'minor', status: 'released', components: ['api'], release_date: day(-20) },
      { id: 'late', name: 'Late', version: '1.2.0', type: 'minor', status: 'frozen', components: ['api'], release_date: day(-1) },
      { id: 'next', name: 'Next', version: '1.3.0', type: 'minor', status: 'planning', components: ['web'], release_date: day(14) },
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(JSON.stringify(habitsPlan(), null, 2) + '\n');
