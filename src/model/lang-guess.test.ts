import { describe, expect, it } from 'vitest';
import { guessLanguage } from './lang-guess.ts';

describe('guessLanguage', () => {
  it('finds French and English from their common words, HTML ignored', () => {
    expect(guessLanguage(['<p>Nous avons compté les phoques le long de la côte, chaque matin, avec une équipe de la région.</p>', 'La colonne de droite est plus étroite que celle de gauche, et le texte est dans la colonne.'])).toBe('fr');
    expect(guessLanguage(['Three weeks on the coast, counting seals with the team. It was cold and the boat was late.', 'This is what we saw at the harbour on the first day of the trip.'])).toBe('en');
  });

  it('guesses nothing from too few words or a mix', () => {
    expect(guessLanguage(['Carnet de terrain'])).toBeUndefined();
    expect(guessLanguage(['the and of to in is that for it with was on', 'le la les de des et est une un du que pour'])).toBeUndefined();
  });
});
