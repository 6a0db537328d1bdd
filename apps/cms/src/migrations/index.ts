import * as migration_20261128_120041_initial from './20261128_120041_initial';
import * as migration_20261128_122554_community from './20261128_122554_community';

export const migrations = [
  {
    up: migration_20261128_120041_initial.up,
    down: migration_20261128_120041_initial.down,
    name: '20261128_120041_initial',
  },
  {
    up: migration_20261128_122554_community.up,
    down: migration_20261128_122554_community.down,
    name: '20261128_122554_community'
  },
];
