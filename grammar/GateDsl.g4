// GATE: a small language for stochastic gates of recurrent cells.
// The parse tree is mapped to GateDsl's own immutable syntax tree by ParseTreeToAst;
// nothing else in the project sees ANTLR types.
grammar GateDsl;

// ---------------------------------------------------------------- files

file
    : item* EOF
    ;

item
    : importDecl
    | constDecl
    | distributionDecl
    | cellDecl
    ;

importDecl
    : IMPORT STRING
    ;

distributionDecl
    : DISTRIBUTION IDENT parameterList body
    ;

cellDecl
    : CELL IDENT parameterList? body
    ;

parameterList
    : '(' (parameter (',' parameter)*)? ')'
    ;

parameter
    : IDENT ':' IDENT ('=' expr)?
    ;

body
    : '{' statement* '}'
    ;

// One distribution call on its own: the expression of `gatec sample "Beta(2, 3)"`.
callInput
    : call EOF
    ;

// ---------------------------------------------------------------- statements

statement
    : constDecl                                             # constStatement
    | LET binder '=' expr                                   # letStatement
    | DRAW binder '~' call                                  # drawStatement
    | GATE IDENT '=' expr                                   # gateStatement
    | GATE binder '~' call                                  # gateDrawStatement
    | CANDIDATE '=' expr                                    # candidateStatement
    | VALUE expr                                            # valueStatement
    | PRIOR priorTarget '~' call (WEIGHT expr)?             # priorStatement
    | EVALUATE IDENT                                        # evaluateStatement
    | ';'                                                   # emptyStatement
    ;

constDecl
    : CONST IDENT '=' expr
    ;

// What a draw or gate binds: one name, an indexed family g[1..5], or a tuple (i, f).
binder
    : IDENT                                                 # nameBinder
    | IDENT '[' range ']'                                   # familyBinder
    | '(' IDENT (',' IDENT)+ ')'                            # tupleBinder
    ;

priorTarget
    : IDENT ('[' (range | INT) ']')?
    ;

range
    : INT '..' INT
    ;

call
    : IDENT '(' (expr (',' expr)*)? ')'
    ;

// ---------------------------------------------------------------- expressions

expr
    : '(' expr ')'                                          # parenExpr
    | '(' expr (',' expr)+ ')'                              # tupleExpr
    | IDENT '(' (expr (',' expr)*)? ')'                     # callExpr
    | IDENT '[' INT ']'                                     # indexExpr
    | IDENT                                                 # nameExpr
    | LINEAR                                                # linearExpr
    | NUMBER                                                # numberExpr
    | INT                                                   # numberExpr
    | <assoc = right> expr '^' expr                         # powerExpr
    | '-' expr                                              # negateExpr
    | expr op = ('*' | '/') expr                            # multiplicativeExpr
    | expr op = ('+' | '-') expr                            # additiveExpr
    ;

// ---------------------------------------------------------------- tokens

IMPORT       : 'import';
DISTRIBUTION : 'distribution';
CELL         : 'cell';
CONST        : 'const';
LET          : 'let';
DRAW         : 'draw';
GATE         : 'gate';
CANDIDATE    : 'candidate';
VALUE        : 'value';
PRIOR        : 'prior';
WEIGHT       : 'weight';
EVALUATE     : 'evaluate';
LINEAR       : 'linear';

INT    : [0-9]+;
// A digit must follow the dot, so that the range 1..5 lexes as INT '..' INT.
NUMBER : [0-9]+ '.' [0-9]+ EXPONENT? | '.' [0-9]+ EXPONENT? | [0-9]+ EXPONENT;
fragment EXPONENT : [eE] [+-]? [0-9]+;

IDENT  : [a-zA-Z_] [a-zA-Z_0-9]*;
STRING : '"' ~["\r\n]* '"';
UNTERMINATED_STRING : '"' ~["\r\n]*;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
// Matches only text with no closing */ before the end of the file.
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF;
WS : [ \t\r\n]+ -> channel(HIDDEN);

// Anything else is one bad character; ParseTreeToAst reports it with its own code.
BAD_CHAR : .;
