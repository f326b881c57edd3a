// Written by `npm run train:boilerplate` (scripts/train-boilerplate.ts); do not edit by hand.
// Data: 56 gold pages (articles/ and pages/cwced/; the labels of d5bced5e, whose gold drops table cells, are not used),
// 7108 flagged lines; corpus sha256 630a30fb982253d3. Logistic regression, Adam, 300 epochs,
// zero start. Threshold: lowest leave-one-page-out score at which the lines the rules would remove
// reach pooled precision >= 0.995.
import type { ScorerWeights } from './scorer';

export const SCORER: ScorerWeights | null = {
  features: ["bias","rule.confident","kind.site-title","kind.navigation","kind.image-caption","kind.copyright","kind.editor","kind.promo","kind.related","kind.comments","kind.share","kind.footer","kind.other","phrase","phrase.heading","phrase.marker","phrase.inBody","region.aboveHeadline","region.headlineToBody","region.body","region.afterBody","region.noBody","shape.logLen","shape.hanShare","shape.prose","shape.paragraph","shape.endsSentence","shape.symbolic","shape.digits","shape.structureLike","context.flaggedNear","context.confidentNear","context.distanceToBody","menu.run","menu.long"],
  weights: [0.859487,0.732542,-0.304172,0.830357,-0.001277,0.081133,-0.360174,0.079355,0.038206,0.445485,0.220628,0.170555,-0.050479,0.32553,0.041854,-0.281612,0.048045,0.578887,0.171675,-0.712564,0.733786,0,0.434201,0.543993,0.203623,0.044807,-0.200851,0.287384,0.27244,-0.054349,0.800714,0.760543,0.963611,0.589618,0.252933],
  threshold: 0.812762,
};
