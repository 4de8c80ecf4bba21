// The recent-projects service: the start screen's list of project folders, kept in the data folder.
export { forgetProject, readRecentList, recentListFile, rememberProject, MAX_RECENT, type RecentEntry } from './recent-list';
