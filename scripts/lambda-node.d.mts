/** See ./lambda-node.mjs. */
export declare const LAMBDA_NODE: string;
export declare function lambdaNodeAvailable(): boolean;
export declare function lambdaNode(): string;
