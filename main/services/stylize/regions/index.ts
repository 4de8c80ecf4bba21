// Region styles: masks (people, drawn shapes) choose which generator, or the photo, each part of a frame gets.
export { stylizeRegions } from './stylize-regions';
export type { Region, RegionModel, RegionOptions, RegionResult } from './stylize-regions';
export { stylizePeople } from './stylize-people';
export type { PeopleStyleOptions, PeopleStyleResult } from './stylize-people';
