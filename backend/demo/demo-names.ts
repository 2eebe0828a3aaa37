/** Given names and surnames of one language, for the demo's made-up people. */
export interface NamePool {
  given: readonly string[];
  family: readonly string[];
}

const list = (text: string): readonly string[] => Object.freeze(text.trim().split(/\s*,\s*/));

/**
 * Common given names and surnames the demo company's people are drawn from. Every person is a
 * random combination: none is meant to be anyone real, and well-known combinations are left out.
 */
export const DEMO_NAMES: Readonly<{ italian: NamePool; english: NamePool; excluded: readonly string[] }> = {
  italian: {
    given: list(`
      Giulia, Francesca, Chiara, Sara, Martina, Valentina, Alessia, Elena, Federica, Silvia, Laura,
      Paola, Roberta, Simona, Elisa, Anna, Marta, Ilaria, Giorgia, Beatrice, Serena, Cristina, Monica,
      Barbara, Daniela, Claudia, Erica, Noemi, Marco, Luca, Andrea, Matteo, Alessandro, Davide,
      Francesco, Simone, Lorenzo, Stefano, Giuseppe, Paolo, Roberto, Fabio, Riccardo, Giovanni, Antonio,
      Massimo, Federico, Nicola, Emanuele, Tommaso, Gabriele, Michele, Alberto, Enrico, Filippo, Pietro,
      Daniele, Claudio`),
    family: list(`
      Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo,
      Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Fontana, Santoro,
      Mariani, Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo, Gentile, Martinelli, Vitale,
      Lombardo, Serra, Coppola, De Santis, D'Angelo, Marchetti, Parisi, Villa, Conte, Ferraro, Ferri,
      Fabbri, Bianco, Marini, Grasso, Valentini, Messina, Sala, De Angelis, Gatti, Pellegrini, Palumbo,
      Sanna, Farina, Rizzi, Monti, Cattaneo, Morelli, Amato, Silvestri, Mazza, Testa, Grassi, Pellegrino,
      Carbone, Giuliani, Benedetti, Barone, Rossetti, Caputo, Montanari, Guerra, Palmieri, Bernardi,
      Martino, Fiore, De Rosa, Ferretti, Bellini, Basile, Riva, Donati, Piras, Vitali, Battaglia,
      Sartori, Neri, Costantini, Milani, Pagano, Ruggiero, Sorrentino, D'Amico, Orlando, Negri, Brambilla`),
  },
  english: {
    given: list(`
      Oliver, Harry, George, Jack, Jacob, Charlie, Thomas, James, William, Daniel, Samuel, Joseph,
      Benjamin, Matthew, Edward, Henry, Alexander, Luke, Ryan, Adam, Michael, David, Richard, Peter,
      Simon, Andrew, Mark, Paul, Olivia, Amelia, Emily, Isla, Ava, Jessica, Sophie, Grace, Lily, Chloe,
      Charlotte, Hannah, Lucy, Ella, Emma, Sarah, Rebecca, Rachel, Laura, Katie, Helen, Victoria,
      Claire, Natalie, Eleanor, Megan, Priya, Aisha`),
    family: list(`
      Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson, Roberts, Robinson,
      Thompson, Wright, Walker, White, Edwards, Hughes, Green, Hall, Lewis, Harris, Clarke, Patel,
      Jackson, Wood, Turner, Martin, Cooper, Hill, Ward, Morris, Moore, Clark, Lee, King, Baker,
      Harrison, Morgan, Allen, Scott, Phillips, Watson, Davis, Parker, Price, Bennett, Young, Griffiths,
      Mitchell, Kelly, Cook, Carter, Richardson, Bailey, Collins, Bell, Shaw, Murphy, Miller, Cox,
      Richards, Khan, Marshall, Anderson, Simpson, Ellis, Adams, Singh, Wilkinson, Foster, Chapman,
      Powell, Webb, Rogers, Gray, Mason, Ali, Hunt, Hussain, Campbell, Matthews, Owen, Palmer, Holmes,
      Mills, Barnes, Knight, Lloyd, Butler, Russell, Barker, Fisher, Stevens, Jenkins, Murray, Dixon,
      Harvey`),
  },
  excluded: list(`
    Paolo Rossi, Adam Smith, Paul Smith, James Martin, David Davies, Emma Watson, Luca Toni,
    Richard Hammond, George Harrison, David Walker, Peter Parker, James Taylor, Michael Jackson,
    Paul Young, Simon Cowell, Harry Kane, Mark Williams, John Smith, Andrea Pirlo, Roberto Mancini`),
};
