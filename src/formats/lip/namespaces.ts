/** Namespaces of IMS LIP and the IMS ePortfolio part schemas. */
export const LIP = 'http://www.imsglobal.org/xsd/imslip_v1p0';
/** IMS ePortfolio assertion (imsassert_v1p0). */
export const ASSERT = 'http://www.imsglobal.org/xsd/imsassert_v1p0';
/** IMS ePortfolio reflexion (imsreflex_v1p0). */
export const REFLEX = 'http://www.imsglobal.org/xsd/imsreflex_v1p0';
/** IMS ePortfolio participation (imsparticipation_v1p0). */
export const PARTICIPATION = 'http://www.imsglobal.org/xsd/imsparticipation_v1p0';
/** IMS ePortfolio rubric (imsrubric_v1p0). */
export const RUBRIC = 'http://www.imsglobal.org/xsd/imsrubric_v1p0';
/** IMS RDCEO, used by rubrics. */
export const RDCEO = 'http://www.imsglobal.org/xsd/imsrdceo_rootv1p0';
/** IMS Enterprise group management data, used by participation. */
export const GMS = 'http://www.imsglobal.org/services/gms/xsd/imsGroupManDataSchema_v1p0';
/** IMS common schema (email, URL) used by GMS. */
export const CMX = 'http://www.imsglobal.org/services/common/imsCommonSchema_v1p0';
/** Schema file names by namespace, for xsi:schemaLocation. */
export const schemaFiles: Record<string, string> = {
  [LIP]: 'http://www.imsglobal.org/xsd/imslip_v1p0.xsd',
  [ASSERT]: 'http://www.imsglobal.org/xsd/imsassert_v1p0.xsd',
  [REFLEX]: 'http://www.imsglobal.org/xsd/imsreflex_v1p0.xsd',
  [PARTICIPATION]: 'http://www.imsglobal.org/xsd/imsparticipation_v1p0.xsd',
  [RUBRIC]: 'http://www.imsglobal.org/xsd/imsrubric_v1p0.xsd',
};
