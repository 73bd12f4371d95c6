// Where funds' scale generator and test factories still import the panels service from; it lives in panels/.
// Remove once funds draws its panels through clustersApi.
export { PanelsService } from "./panels/panels.service";
