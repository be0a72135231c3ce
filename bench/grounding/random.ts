export { pick, seededRandom } from '../../scripts/lib/seeded-random';
